import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateSellerWorkflow } from "../../../../workflows"
import { retrieveAdminSeller } from "../helpers"
import type { AdminUpdateSellerType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ seller: await retrieveAdminSeller(req.scope, req.params.id, req.queryConfig.fields) })
}

/** Edits a seller profile: staff any, a seller their own. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateSellerType>, res: MedusaResponse) => {
  await retrieveAdminSeller(req.scope, req.params.id, ["id"])
  await updateSellerWorkflow(req.scope).run({ input: { id: req.params.id, update: { ...req.validatedBody } } })
  res.json({ seller: await retrieveAdminSeller(req.scope, req.params.id) })
}
