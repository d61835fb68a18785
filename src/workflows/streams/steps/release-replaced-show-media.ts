import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHOW_MEDIA_FIELDS } from "../../../lib/media/kinds"
import { releaseShowMedia } from "../../../lib/media/release-show-media"

export type ReleaseReplacedShowMediaStepInput = { previous: Record<string, unknown> }

export const releaseReplacedShowMediaStepId = "live-release-replaced-show-media-step"

/**
 * This step deletes, from the media bucket, the thumbnail or preview a show update replaced or
 * removed, unless something still points at it. It must be the workflow's last step: once an
 * object is gone, no compensation can bring it back. It never fails (a failed delete is a warning
 * and is left to the media sweep), so nothing it does can undo the update.
 */
export const releaseReplacedShowMediaStep = createStep(
  releaseReplacedShowMediaStepId,
  async ({ previous }: ReleaseReplacedShowMediaStepInput, { container }) => {
    await releaseShowMedia(container, SHOW_MEDIA_FIELDS.map((field) => previous[field]))
    return new StepResponse(undefined)
  }
)
