import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LIVE_EVENTS_MODULE } from "../../../modules/live-events"
import type LiveEventsModuleService from "../../../modules/live-events/service"
import type { ChatUpdate } from "../../../realtime/contract/chat"

export const publishChatUpdatesStepId = "live-publish-chat-updates-step"

/**
 * This step sends committed chat changes to the sidecars (the live-events pipeline). Best effort:
 * a viewer who missed one reads it back by seq (`GET /store/shows/:id/chat/messages?after_seq=`),
 * so a transport failure is logged, not a failed request.
 */
export const publishChatUpdatesStep = createStep(publishChatUpdatesStepId, async (updates: ChatUpdate[], { container }) => {
  if (updates.length) {
    try {
      await container.resolve<LiveEventsModuleService>(LIVE_EVENTS_MODULE).publish(updates.map((chat) => ({ chat })))
    } catch (err) {
      container.resolve(ContainerRegistrationKeys.LOGGER).warn(`live-commerce: chat update not sent live: ${(err as Error).message}`)
    }
  }
  return new StepResponse(updates.length)
})
