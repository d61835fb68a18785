import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { assertShowMediaFits } from "../../../lib/media/checks"
import { SHOW_MEDIA_KINDS, showMediaPrefix, type ShowMediaKind } from "../../../lib/media/kinds"
import { showMediaStorage } from "../../../lib/media/storage"
import { MediaErrorCodes } from "../../../realtime/contract/errors"

export type VerifyShowMediaStepInput = { show_id: string; kind: ShowMediaKind; key: string }

export const verifyShowMediaStepId = "live-verify-show-media"

// The keys media-uploads hands out: `shows/<show>/<kind>/media_<ulid>.<ext>`.
const OBJECT_NAME = /^media_[0-9A-Z]{26}\.[a-z0-9]{2,5}$/

/**
 * This step checks what the seller uploaded under a key handed out for this show and kind: it is
 * there, of an allowed type and size (an S3-compatible store may not have enforced the signed
 * headers). A wrong object is deleted and refused. Returns the show's field and the object's URL.
 */
export const verifyShowMediaStep = createStep(
  verifyShowMediaStepId,
  async ({ show_id, kind, key }: VerifyShowMediaStepInput, { container }) => {
    const storage = await showMediaStorage(container)
    const prefix = showMediaPrefix(show_id, kind)
    const notFound = () =>
      new MedusaError(MedusaError.Types.NOT_ALLOWED, `No ${kind} was uploaded for show ${show_id} under ${key}`, MediaErrorCodes.upload_not_found)
    if (!key.startsWith(prefix) || !OBJECT_NAME.test(key.slice(prefix.length))) {
      throw notFound()
    }
    const stored = await storage.head(key)
    if (!stored) {
      throw notFound()
    }
    try {
      assertShowMediaFits(kind, stored.content_type, stored.size)
    } catch (err) {
      await storage.remove(key)
      throw err
    }
    return new StepResponse({ field: SHOW_MEDIA_KINDS[kind].field, url: storage.publicUrl(key) })
  }
)
