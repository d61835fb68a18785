import {
  ChatAnswer,
  ChatMessageParams,
  ChatMute,
  ChatPin,
  ChatShowParams,
  ChatTarget,
  requireChatModerator,
  StoreGetChatMessages,
  StoreSendChatMessage,
} from "../../utils/chat"
import { STORE_CUSTOMER, STORE_PUBLIC, type Access, type LiveRoute } from "../../utils/live-routes"
import { EmptyBody, NoQuery } from "../../utils/validators"

/** A show's chat moderators (customers): anyone else logged in gets a 403 `chat_not_moderator`. */
export const STORE_CHAT_MODERATOR: Access = { ...STORE_CUSTOMER, other_customer: 403 }

const moderation = (method: "POST" | "DELETE", path: string, params: LiveRoute["params"], body?: LiveRoute["body"]): LiveRoute => ({
  method,
  path: `/store/shows/:id/chat${path}`,
  params,
  query: NoQuery,
  ...(method === "POST" ? { body: body ?? EmptyBody } : {}),
  auth: "customer",
  access: STORE_CHAT_MODERATOR,
  middlewares: [requireChatModerator],
})

export const storeChatRoutes: LiveRoute[] = [
  { method: "GET", path: "/store/shows/:id/chat", params: ChatShowParams, query: NoQuery, auth: "customer_optional", access: STORE_PUBLIC },
  { method: "GET", path: "/store/shows/:id/chat/messages", params: ChatShowParams, query: StoreGetChatMessages, access: STORE_PUBLIC },
  {
    method: "POST",
    path: "/store/shows/:id/chat/messages",
    params: ChatShowParams,
    query: NoQuery,
    body: StoreSendChatMessage,
    auth: "customer",
    access: STORE_CUSTOMER,
  },
  moderation("DELETE", "/messages/:message_id", ChatMessageParams),
  moderation("POST", "/messages/:message_id/answer", ChatMessageParams, ChatAnswer),
  moderation("POST", "/messages/:message_id/dismiss", ChatMessageParams),
  moderation("POST", "/pin", ChatShowParams, ChatPin),
  moderation("DELETE", "/pin", ChatShowParams),
  moderation("POST", "/mutes", ChatShowParams, ChatMute),
  moderation("POST", "/removals", ChatShowParams, ChatTarget),
]
