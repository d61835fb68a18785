import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LiveShowEvents } from "../../modules/streams/events"
import { showLockKey } from "../auctions/steps/lot-show"
import { relayLotEventsStep } from "../auctions/steps/relay-lot-events"
import { reassignShowLotsStep } from "../auctions/steps/reassign-show-lots"
import type { VideoWebhookInput } from "../../modules/streams/service"
import { applyVideoWebhookStep } from "./steps/apply-video-webhook"
import { cancelScheduledLotsStep } from "./steps/cancel-scheduled-lots"
import { closeShowVideoStep } from "./steps/close-show-video"
import { ensureShowRoomStep } from "./steps/ensure-show-room"
import { startShowRecordingStep } from "./steps/start-show-recording"
import { createSellerStep, type CreateSellerStepInput } from "./steps/create-seller"
import { createShowsStep, type CreateShowsStepInput } from "./steps/create-shows"
import { updateSellerStep, type UpdateSellerStepInput } from "./steps/update-seller"
import { validateSellerProfileStep } from "./steps/validate-seller-profile"
import { transitionShowStep, type TransitionShowStepInput } from "./steps/transition-show"
import { releaseReplacedShowMediaStep } from "./steps/release-replaced-show-media"
import { updateShowStep, type UpdateShowStepInput } from "./steps/update-show"
import { validateShowSellerStep, type ValidateShowSellerStepInput } from "./steps/validate-show-seller"
import { verifyShowMediaStep, type VerifyShowMediaStepInput } from "./steps/verify-show-media"

export const createShowsWorkflowId = "live-create-shows"
/** This workflow schedules shows, each run by an admin user (the seller). */
export const createShowsWorkflow = createWorkflow(createShowsWorkflowId, (input: CreateShowsStepInput) => {
  validateShowSellerStep(input as ValidateShowSellerStepInput)
  return new WorkflowResponse(createShowsStep(input))
})

export const updateShowWorkflowId = "live-update-show"
/**
 * This workflow edits a show before it ends; a new seller takes its lots and their offers with it.
 * A thumbnail replaced or removed is deleted from the media bucket last, once nothing can fail.
 */
export const updateShowWorkflow = createWorkflow(updateShowWorkflowId, (input: UpdateShowStepInput) => {
  const sellers = transform({ input }, ({ input }) => [input.update as { seller_id?: string | null }])
  validateShowSellerStep(sellers)
  const updated = updateShowStep(input)
  reassignShowLotsStep(transform({ input }, ({ input }) => ({ show_id: input.id, seller_id: input.update.seller_id as string | undefined })))
  releaseReplacedShowMediaStep(updated)
  return new WorkflowResponse(transform({ updated }, ({ updated }) => updated.show))
})

const SHOW_EVENTS = {
  go_live: LiveShowEvents.WENT_LIVE,
  end: LiveShowEvents.ENDED,
  cancel: LiveShowEvents.CANCELLED,
} as const

export const transitionShowWorkflowId = "live-transition-show"
/**
 * This workflow takes a show live, ends it or cancels it. Going live makes the show's LiveKit room
 * (LiveKit not answering puts the show back: nothing half-written) and starts its recording (a
 * recording that does not start is a warning, not a refusal). Ending or cancelling cancels the
 * lots still lined up in it and closes the video (recording, ingress, room). Locked with the
 * show's lots starting, re-running or being scheduled, so none slips into a show as it goes off air.
 */
export const transitionShowWorkflow = createWorkflow(transitionShowWorkflowId, (input: TransitionShowStepInput) => {
  const lockKey = transform({ input }, ({ input }) => showLockKey(input.id))
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })
  const result = transitionShowStep(input)
  const recording = when("live-show-on-air", { input }, ({ input }) => input.transition === "go_live").then(() => {
    ensureShowRoomStep({ id: input.id })
    return startShowRecordingStep({ id: input.id })
  })
  const cancelled = when("live-show-off-air", { input }, ({ input }) => input.transition !== "go_live").then(() =>
    cancelScheduledLotsStep({ show_id: input.id })
  )
  releaseLockStep({ key: lockKey })
  when("live-show-lots-cancelled", { cancelled }, ({ cancelled }) => !!cancelled?.length).then(() => {
    relayLotEventsStep() // viewers of those lots learn they are off
  })
  const closing = when("live-show-video-off-air", { input }, ({ input }) => input.transition !== "go_live").then(() =>
    closeShowVideoStep({ id: input.id })
  )
  const eventName = transform({ input }, ({ input }) => SHOW_EVENTS[input.transition])
  emitEventStep({ eventName, data: { id: input.id } })
  const response = transform({ result, cancelled, recording, closing }, ({ result, cancelled, recording, closing }) => ({
    ...result,
    cancelled_lots: cancelled ?? [],
    warnings: [...(recording ?? []), ...(closing ?? [])],
  }))
  return new WorkflowResponse(response)
})

export const applyVideoWebhookWorkflowId = "live-apply-video-webhook"
/**
 * This workflow applies a verified LiveKit webhook (the seller joined or left, the room closed,
 * the recording ended) once, and tells the show's viewers and seller what changed.
 */
export const applyVideoWebhookWorkflow = createWorkflow(applyVideoWebhookWorkflowId, (input: VideoWebhookInput) => {
  const applied = applyVideoWebhookStep(input)
  when("live-video-changed", { applied }, ({ applied }) => applied.changed.length > 0).then(() => {
    const data = transform({ applied }, ({ applied }) => applied.changed.map((id) => ({ id })))
    emitEventStep({ eventName: LiveShowEvents.VIDEO_CHANGED, data })
  })
  return new WorkflowResponse(applied)
})

export const createSellerWorkflowId = "live-create-seller"
/** This workflow makes an admin user a seller: a profile with a unique handle. */
export const createSellerWorkflow = createWorkflow(createSellerWorkflowId, (input: CreateSellerStepInput) => {
  validateShowSellerStep(transform({ input }, ({ input }) => [{ seller_id: input.user_id }]))
  validateSellerProfileStep(transform({ input }, ({ input }) => ({ user_id: input.user_id, handle: input.handle })))
  return new WorkflowResponse(createSellerStep(input))
})

export const updateSellerWorkflowId = "live-update-seller"
/** This workflow edits a seller's profile (its handle stays unique). */
export const updateSellerWorkflow = createWorkflow(updateSellerWorkflowId, (input: UpdateSellerStepInput) => {
  validateSellerProfileStep(transform({ input }, ({ input }) => ({ id: input.id, handle: input.update.handle as string | undefined })))
  return new WorkflowResponse(updateSellerStep(input))
})

export const attachShowMediaWorkflowId = "live-attach-show-media"
/**
 * This workflow makes an uploaded object a show's thumbnail or preview video, once checked in the
 * store (there, an allowed type and size; a wrong one is deleted). The show must not have ended.
 * The object it replaces is deleted from the bucket once the show points at the new one.
 */
export const attachShowMediaWorkflow = createWorkflow(attachShowMediaWorkflowId, (input: VerifyShowMediaStepInput) => {
  const media = verifyShowMediaStep(input)
  const update = transform({ input, media }, ({ input, media }) => ({ id: input.show_id, update: { [media.field]: media.url } }))
  const updated = updateShowStep(update)
  releaseReplacedShowMediaStep(updated)
  return new WorkflowResponse(transform({ updated }, ({ updated }) => updated.show))
})
