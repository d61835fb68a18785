import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateShowWorkflow } from "../../../../workflows"
import { retrieveAdminShow } from "../helpers"
import type { AdminUpdateShowType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ show: await retrieveAdminShow(req.scope, req.params.id, req.queryConfig.fields) })
}

/** Edits a show that has not ended. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateShowType>, res: MedusaResponse) => {
  await updateShowWorkflow(req.scope).run({ input: { id: req.params.id, update: { ...req.validatedBody } } })
  res.json({ show: await retrieveAdminShow(req.scope, req.params.id) })
}
