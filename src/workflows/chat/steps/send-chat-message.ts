import type { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHAT_MODULE } from "../../../modules/chat"
import type ChatModuleService from "../../../modules/chat/service"
import type { SendChatMessageResult } from "../../../modules/chat/service"
import { STREAMS_MODULE } from "../../../modules/streams"
import type StreamsModuleService from "../../../modules/streams/service"
import type { ChatMessageKind } from "../../../realtime/contract/chat"

export type SendChatMessageStepInput = { show_id: string; customer_id: string; text: string; kind: ChatMessageKind; idempotency_key?: string }

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
 * transaction); a refusal is returned, not thrown, with its code and wait. A retry with the same
 * idempotency key gets the first answer (`replayed`). Compensation deletes the stored message and
 * forgets its key's answer, so a retry sends afresh.
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
      idempotency_key: input.idempotency_key,
    })
    const stored = result.ok && !result.replayed
    return new StepResponse(result, stored ? { message_id: result.message.id, customer_id: input.customer_id, idempotency_key: input.idempotency_key } : null)
  },
  async (stored, { container }) => {
    if (!stored) {
      return
    }
    const chat = container.resolve<ChatModuleService>(CHAT_MODULE)
    await chat.softDeleteChatMessages([stored.message_id])
    if (stored.idempotency_key) {
      await chat.deleteChatSendRequests({ customer_id: stored.customer_id, idempotency_key: stored.idempotency_key })
    }
  }
)
