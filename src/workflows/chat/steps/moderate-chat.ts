import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHAT_MODULE } from "../../../modules/chat"
import type ChatModuleService from "../../../modules/chat/service"
import type { ModerationInput } from "../../../modules/chat/service"

export const moderateChatStepId = "live-moderate-chat-step"

/**
 * This step applies one moderation action and records it in the moderation log, in one
 * transaction. It is the workflow's only write and publishing after it never fails the workflow,
 * so it has nothing to compensate.
 */
export const moderateChatStep = createStep(moderateChatStepId, async (input: ModerationInput, { container }) => {
  const chat: ChatModuleService = container.resolve(CHAT_MODULE)
  return new StepResponse(await chat.moderate(input))
})
