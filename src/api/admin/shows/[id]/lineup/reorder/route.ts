import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reorderLineupWorkflow } from "../../../../../../workflows"
import { liveActor } from "../../../../../utils/live-actor"
import { listLineup } from "../../../lineup"
import type { AdminReorderLineupType } from "../../../validators"

/** Puts the show's unfinished lots in a new running order (finished ones keep their places first). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReorderLineupType>, res: MedusaResponse) => {
  await reorderLineupWorkflow(req.scope).run({ input: { show_id: req.params.id, auction_ids: req.validatedBody.auction_ids } })
  res.json({ lots: await listLineup(req.scope, await liveActor(req), req.params.id) })
}
