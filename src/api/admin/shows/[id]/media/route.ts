import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { attachShowMediaWorkflow } from "../../../../../workflows"
import { retrieveAdminShow } from "../../helpers"
import type { AdminAttachShowMediaType } from "../../validators"

/**
 * Makes an uploaded object the show's thumbnail or preview video, once the store holds it with an
 * allowed type and size (an object that is not is deleted and refused; the show is unchanged).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminAttachShowMediaType>, res: MedusaResponse) => {
  await attachShowMediaWorkflow(req.scope).run({ input: { show_id: req.params.id, ...req.validatedBody } })
  res.json({ show: await retrieveAdminShow(req.scope, req.params.id) })
}
