import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STREAMS_MODULE } from "../../../modules/streams"
import type StreamsModuleService from "../../../modules/streams/service"

export type CloseShowVideoStepInput = { id: string }

export const closeShowVideoStepId = "live-close-show-video-step"

/**
 * This step takes a show's video off air as it ends or is cancelled: the recording stopped, the
 * ingress deleted, the room closed. Best effort: the show is over either way, and what LiveKit
 * refused is logged and answered as warnings.
 */
export const closeShowVideoStep = createStep(closeShowVideoStepId, async ({ id }: CloseShowVideoStepInput, { container }) => {
  const { warnings } = await container.resolve<StreamsModuleService>(STREAMS_MODULE).closeVideo(id)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  warnings.forEach((w) => logger.warn(`live-commerce: show ${id}: ${w}`))
  return new StepResponse(warnings)
})
