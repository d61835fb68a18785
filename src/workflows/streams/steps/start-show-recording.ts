import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STREAMS_MODULE } from "../../../modules/streams"
import type StreamsModuleService from "../../../modules/streams/service"

export type StartShowRecordingStepInput = { id: string }

export const startShowRecordingStepId = "live-start-show-recording-step"

/**
 * This step starts recording the show's room to S3 (a LiveKit room-composite egress). It never
 * fails the workflow: a show goes live without its recording (`recording_status` "failed") and
 * the answer carries a warning. Without S3 (or LiveKit) nothing is recorded.
 */
export const startShowRecordingStep = createStep(
  startShowRecordingStepId,
  async ({ id }: StartShowRecordingStepInput, { container }) => {
    const streams: StreamsModuleService = container.resolve(STREAMS_MODULE)
    const started = await streams.startRecording(id)
    if (started.warning) {
      container.resolve(ContainerRegistrationKeys.LOGGER).warn(`live-commerce: show ${id}: ${started.warning}`)
    }
    return new StepResponse(started.warning ? [started.warning] : [])
  }
)
