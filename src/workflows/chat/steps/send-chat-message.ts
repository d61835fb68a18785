import type { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHAT_MODULE } from "../../../modules/chat"
import type ChatModuleService from "../../../modules/chat/service"
import type { SendChatMessageResult } from "../../../modules/chat/service"
import { STREAMS_MODULE } from "../../../modules/streams"
import type StreamsModuleService from "../../../modules/streams/service"
import type { ChatMessageKind } from "../../../realtime/contract/chat"

export type SendChatMessageStepInput = { show_id: string; customer_id: string; text: string; kind: ChatMessageKind }

export const sendChatMessageStepId = "live-send-chat-message-step"

/** How a customer appears in chat: first name and last initial, else a stable handle from their id. */
export function chatDisplayName(customer: { id: string; first_name?: string | null; last_name?: string | null } | undefined, id: string): string {
  const first = customer?.first_name?.trim()
  if (first) {
    const initial = customer?.last_name?.trim()?.[0]
    return initial ? `${first} ${initial}.` : first
  }
  return `viewer-${id.slice(-6).toLowerCase()}`
}

/**
 * This step decides a chat message and stores it when allowed (the chat module's rules, in one
 * transaction); a refusal is returned, not thrown, with its code and wait. Compensation deletes
 * the stored message.
 */
export const sendChatMessageStep = createStep(
  sendChatMessageStepId,
  async (input: SendChatMessageStepInput, { container }) => {
    const streams: StreamsModuleService = container.resolve(STREAMS_MODULE)
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const [[show], [customer]] = await Promise.all([
      streams.listShows({ id: input.show_id }, { select: ["id", "status", "seller_id"] }),
      customers.listCustomers({ id: input.customer_id }, { select: ["id", "first_name", "last_name"] }),
    ])
    const chat: ChatModuleService = container.resolve(CHAT_MODULE)
    const result: SendChatMessageResult = await chat.sendMessage({
      show_id: input.show_id,
      show: show ? { status: show.status, seller_id: show.seller_id } : null,
      customer_id: input.customer_id,
      display_name: chatDisplayName(customer, input.customer_id),
      text: input.text,
      kind: input.kind,
    })
    return new StepResponse(result, result.ok ? result.message.id : null)
  },
  async (messageId, { container }) => {
    if (messageId) {
      await container.resolve<ChatModuleService>(CHAT_MODULE).softDeleteChatMessages([messageId])
    }
  }
)
