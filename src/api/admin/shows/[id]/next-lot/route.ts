import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startNextLotWorkflow } from "../../../../../workflows"
import { liveActor } from "../../../../utils/live-actor"
import { retrieveAdminAuction } from "../../../auctions/helpers"
import { retrieveAdminShow } from "../../helpers"

/**
 * Starts the show's next lot in running order (the first draft or scheduled one), like
 * `POST /admin/auctions/:id/start`. The show must be live and no lot of it open: 400
 * `show_not_live`, `lot_in_progress` or `lineup_empty` otherwise (see startNextLotWorkflow).
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const actor = await liveActor(req)
  // Someone else's show is a 404 before anything is chosen.
  const show = await retrieveAdminShow(req.scope, req.params.id, ["id"])
  const { result: lot } = await startNextLotWorkflow(req.scope).run({ input: { show_id: show.id } })
  res.json({ auction: await retrieveAdminAuction(req.scope, actor, lot.id) })
}
