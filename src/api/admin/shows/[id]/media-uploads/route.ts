import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { assertShowMediaFits } from "../../../../../lib/media/checks"
import { extensionFor, showMediaPrefix } from "../../../../../lib/media/kinds"
import { showMediaStorage } from "../../../../../lib/media/storage"
import type { AdminShowMediaUploadResponse } from "../../../../../realtime/contract/admin-api"
import { ShowErrorCodes } from "../../../../../realtime/contract/errors"
import { retrieveAdminShow } from "../../helpers"
import type { AdminCreateShowMediaUploadType } from "../../validators"

/**
 * A presigned PUT for a show's thumbnail or preview video, straight from the seller's browser to
 * S3: the type and size are checked first and signed into the URL. Nothing changes on the show
 * until `POST /admin/shows/:id/media` names the uploaded key.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateShowMediaUploadType>,
  res: MedusaResponse<AdminShowMediaUploadResponse>
) => {
  const { kind, content_type, size } = req.validatedBody
  const storage = await showMediaStorage(req.scope)
  const show = await retrieveAdminShow(req.scope, req.params.id, ["id", "status"])
  if (show.status === "ended" || show.status === "cancelled") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Show ${show.id} is ${show.status}`, ShowErrorCodes.show_closed)
  }
  assertShowMediaFits(kind, content_type, size)
  const key = `${showMediaPrefix(show.id, kind)}${generateEntityId(undefined, "media")}.${extensionFor(content_type)}`
  res.json({ upload: await storage.presignUpload(key, content_type, size) })
}
