import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ShowErrorCodes } from "../../../../../realtime/contract/errors"
import { liveActor } from "../../../../utils/live-actor"
import { retrieveAdminAuction } from "../../../auctions/helpers"
import { runLotTransition } from "../../../auctions/transition-route"
import { retrieveAdminShow } from "../../helpers"
import { listLineup } from "../../lineup"

const refuse = (code: string, message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message, code)

/**
 * Starts the show's next lot: the first draft or scheduled one by position, through the same
 * workflow as `POST /admin/auctions/:id/start`. The show must be live and no lot of it open.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const actor = await liveActor(req)
  const show = await retrieveAdminShow(req.scope, req.params.id, ["id", "status"])
  if (show.status !== "live") {
    throw refuse(ShowErrorCodes.show_not_live, `Show ${show.id} is ${show.status}, not live`)
  }
  const lots = await listLineup(req.scope, actor, show.id, ["id", "status"])
  const open = lots.find((l) => l.status === "live")
  if (open) {
    throw refuse(ShowErrorCodes.lot_in_progress, `Lot ${open.id} is still taking bids`)
  }
  const next = lots.find((l) => l.status === "draft" || l.status === "scheduled")
  if (!next) {
    throw refuse(ShowErrorCodes.lineup_empty, `Show ${show.id} has no lot left to start`)
  }
  await runLotTransition(req.scope, next.id, "start")
  res.json({ auction: await retrieveAdminAuction(req.scope, actor, next.id) })
}
