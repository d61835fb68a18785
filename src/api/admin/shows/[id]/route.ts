import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateShowWorkflow } from "../../../../workflows"
import { liveActor, sellerOfNewRecord } from "../../../utils/live-actor"
import { retrieveAdminShow } from "../helpers"
import type { AdminUpdateShowType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ show: await retrieveAdminShow(req.scope, req.params.id, req.queryConfig.fields) })
}

/** Edits a show that has not ended (a seller cannot hand theirs to another seller). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateShowType>, res: MedusaResponse) => {
  const update = { ...req.validatedBody }
  if (update.seller_id) {
    update.seller_id = sellerOfNewRecord(await liveActor(req), update.seller_id) ?? undefined
  }
  await updateShowWorkflow(req.scope).run({ input: { id: req.params.id, update } })
  res.json({ show: await retrieveAdminShow(req.scope, req.params.id) })
}
