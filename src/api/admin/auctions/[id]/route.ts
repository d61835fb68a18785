import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateAuctionWorkflow } from "../../../../workflows"
import { liveActor } from "../../../utils/live-actor"
import { assertOwns } from "../../../utils/owned-records"
import { retrieveAdminAuction } from "../helpers"
import { lotSeller } from "../lot-seller"
import type { AdminUpdateAuctionType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ auction: await retrieveAdminAuction(req.scope, await liveActor(req), req.params.id, req.queryConfig.fields) })
}

/** Edits a lot that has not started yet; moving it into a show makes it that show's seller's. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateAuctionType>, res: MedusaResponse) => {
  const actor = await liveActor(req)
  await retrieveAdminAuction(req.scope, actor, req.params.id, ["id"])
  const update: Record<string, unknown> = { ...req.validatedBody }
  if (req.validatedBody.show_id) {
    await assertOwns(req.scope, actor, "show", req.validatedBody.show_id)
    update.seller_id = await lotSeller(req.scope, actor, req.validatedBody.show_id)
  }
  if ("show_id" in update) {
    update.position = null // its place in the old lineup means nothing in the new one: last, until reordered
  }
  if ("scheduled_at" in update) {
    update.status = update.scheduled_at ? "scheduled" : "draft"
  }
  await updateAuctionWorkflow(req.scope).run({ input: { id: req.params.id, update } })
  res.json({ auction: await retrieveAdminAuction(req.scope, actor, req.params.id) })
}
