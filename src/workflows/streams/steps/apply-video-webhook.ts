import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STREAMS_MODULE } from "../../../modules/streams"
import type StreamsModuleService from "../../../modules/streams/service"
import type { VideoWebhookInput } from "../../../modules/streams/service"

export type ApplyVideoWebhookStepInput = VideoWebhookInput

export const applyVideoWebhookStepId = "live-apply-video-webhook-step"

/**
 * This step applies a verified LiveKit webhook to its show: the publisher's status, the
 * recording. Once per event id, each change conditional on the state it starts from, all in one
 * transaction; it answers the shows it changed. No compensation: it is the workflow's only write.
 */
export const applyVideoWebhookStep = createStep(applyVideoWebhookStepId, async (input: ApplyVideoWebhookStepInput, { container }) => {
  return new StepResponse(await container.resolve<StreamsModuleService>(STREAMS_MODULE).applyVideoWebhook(input))
})
