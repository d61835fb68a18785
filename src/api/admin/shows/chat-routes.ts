import {
  ChatAnswer,
  ChatBlockedWordBody,
  ChatCustomerParams,
  ChatLogQuery,
  ChatMessageParams,
  ChatMute,
  ChatPin,
  ChatShowParams,
  ChatSlowMode,
  ChatTarget,
  ChatWordParams,
  StoreGetChatMessages,
} from "../../utils/chat"
import { OWNER_OR_STAFF, STAFF_ONLY, type LiveRoute } from "../../utils/live-routes"
import { EmptyBody, IdParams, NoQuery } from "../../utils/validators"

const ownShow = { owner: "show" } as const

const route = (method: LiveRoute["method"], path: string, params: LiveRoute["params"], body?: LiveRoute["body"]): LiveRoute => ({
  method,
  path: `/admin/shows/:id/chat${path}`,
  params,
  query: NoQuery,
  ...(method === "POST" ? { body: body ?? EmptyBody } : {}),
  scope: ownShow,
  access: OWNER_OR_STAFF,
})

/** Chat moderation for the show's seller and staff (another seller gets a 404). */
export const adminShowChatRoutes: LiveRoute[] = [
  route("GET", "", ChatShowParams),
  { ...route("GET", "/messages", ChatShowParams), query: StoreGetChatMessages },
  route("DELETE", "/messages/:message_id", ChatMessageParams),
  route("POST", "/messages/:message_id/answer", ChatMessageParams, ChatAnswer),
  route("POST", "/messages/:message_id/dismiss", ChatMessageParams),
  route("POST", "/pin", ChatShowParams, ChatPin),
  route("DELETE", "/pin", ChatShowParams),
  route("POST", "/mutes", ChatShowParams, ChatMute),
  route("DELETE", "/mutes/:customer_id", ChatCustomerParams),
  route("POST", "/removals", ChatShowParams, ChatTarget),
  route("DELETE", "/removals/:customer_id", ChatCustomerParams),
  route("GET", "/restrictions", ChatShowParams),
  route("POST", "/blocks", ChatShowParams, ChatTarget),
  route("DELETE", "/blocks/:customer_id", ChatCustomerParams),
  route("GET", "/moderators", ChatShowParams),
  route("POST", "/moderators", ChatShowParams, ChatTarget),
  route("DELETE", "/moderators/:customer_id", ChatCustomerParams),
  route("GET", "/blocked-words", ChatShowParams),
  route("POST", "/blocked-words", ChatShowParams, ChatBlockedWordBody),
  route("DELETE", "/blocked-words/:word_id", ChatWordParams),
  route("POST", "/slow-mode", ChatShowParams, ChatSlowMode),
  { ...route("GET", "/log", ChatShowParams), query: ChatLogQuery },
]

/** Platform-wide blocked words: staff only. */
export const adminChatRoutes: LiveRoute[] = [
  { method: "GET", path: "/admin/blocked-chat-words", query: NoQuery, scope: "staff", access: STAFF_ONLY },
  { method: "POST", path: "/admin/blocked-chat-words", query: NoQuery, body: ChatBlockedWordBody, scope: "staff", access: STAFF_ONLY },
  { method: "DELETE", path: "/admin/blocked-chat-words/:id", params: IdParams("id"), query: NoQuery, scope: "staff", access: STAFF_ONLY },
]
