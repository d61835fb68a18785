import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { assertShowMediaFits } from "../../../lib/media/checks"
import { ATTACH_WITHIN_MS, parseShowMediaKey, SHOW_MEDIA_KINDS, type ShowMediaKind } from "../../../lib/media/kinds"
import { showMediaStorage } from "../../../lib/media/storage"
import { MediaErrorCodes } from "../../../realtime/contract/errors"

export type VerifyShowMediaStepInput = { show_id: string; kind: ShowMediaKind; key: string }

export const verifyShowMediaStepId = "live-verify-show-media"

/**
 * This step checks what the seller uploaded under a key handed out for this show and kind: it is
 * there, of an allowed type and size (an S3-compatible store may not have enforced the signed
 * headers), uploaded less than a day ago. A wrong object is deleted and refused. Returns the
 * show's field and the object's URL.
 */
export const verifyShowMediaStep = createStep(
  verifyShowMediaStepId,
  async ({ show_id, kind, key }: VerifyShowMediaStepInput, { container }) => {
    const storage = await showMediaStorage(container)
    const notFound = () =>
      new MedusaError(MedusaError.Types.NOT_ALLOWED, `No ${kind} was uploaded for show ${show_id} under ${key}`, MediaErrorCodes.upload_not_found)
    const handedOut = parseShowMediaKey(key)
    if (handedOut?.show_id !== show_id || handedOut.kind !== kind) {
      throw notFound()
    }
    const stored = await storage.head(key)
    // Past the limit the sweep may be deleting it as unattached (lib/media/release-show-media.ts).
    const expired = stored?.last_modified && Date.now() - stored.last_modified.getTime() > ATTACH_WITHIN_MS
    if (!stored || expired) {
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
