import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ModerationInput } from "../../modules/chat/service"
import { moderateChatStep } from "./steps/moderate-chat"
import { publishChatUpdatesStep } from "./steps/publish-chat-updates"
import { sendChatMessageStep, type SendChatMessageStepInput } from "./steps/send-chat-message"

export const sendChatMessageWorkflowId = "live-send-chat-message"
/**
 * This workflow sends a chat message to a show: decided and stored by the chat module (refusals
 * come back with their code, nothing stored), then fanned out to the show's room. The Store
 * route and, through it, the sidecar's `chat:send` run it.
 */
export const sendChatMessageWorkflow = createWorkflow(sendChatMessageWorkflowId, (input: SendChatMessageStepInput) => {
  const result = sendChatMessageStep(input)
  when("live-chat-message-stored", { result }, ({ result }) => result.ok).then(() => {
    publishChatUpdatesStep(transform({ result }, ({ result }) => (result.ok ? result.updates : [])))
  })
  return new WorkflowResponse(result)
})

export const moderateChatWorkflowId = "live-moderate-chat"
/**
 * This workflow applies one moderation action (delete, mute, remove, block, pin, answer, words,
 * slow mode, moderators) with its log entry, then tells the show's viewers (or the viewer it is
 * about) live. Who may act is checked by the route (the seller, staff, the show's moderators).
 */
export const moderateChatWorkflow = createWorkflow(moderateChatWorkflowId, (input: ModerationInput) => {
  const outcome = moderateChatStep(input)
  publishChatUpdatesStep(transform({ outcome }, ({ outcome }) => outcome.updates))
  return new WorkflowResponse(transform({ outcome }, ({ outcome }) => outcome.result))
})
