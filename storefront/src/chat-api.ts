import type Medusa from "@medusajs/js-sdk"
import type { ChatMessage } from "medusa-plugin-live-commerce/realtime/contract"
import type { ChatRefusal, StoreChatSnapshot } from "./chat"
import type { ViewerConfig } from "./config"
import { sleep, storeHeaders, toProblem } from "./medusa"

/*
 * The Store API's chat routes (issue #16). Sends go over HTTP rather than `chat:send`: the
 * sidecar only relays to the same route, and the HTTP answer keeps the blocked word (`rule`).
 */

/** `server_time`: the server's clock taken before the read (the next catch-up's `deleted_since`). */
export type ChatPage = { messages: ChatMessage[]; next_cursor: string | null; last_seq: number; server_time?: string }
/** A catch-up page: `deleted` lists what moderators removed since `deleted_since` (when the server sends it). */
export type ChatCatchUp = ChatPage & { deleted?: { message_id: string; seq: number }[] }

type Answer<T> = { ok: true; data: T } | { ok: false; status: number; error: ChatRefusal }

async function request<T>(sdk: Medusa, config: ViewerConfig, path: string, init: { method?: string; body?: unknown } = {}): Promise<Answer<T>> {
  let res: Response
  try {
    res = await fetch(`${config.backend_url}${path}`, {
      method: init.method ?? "GET",
      headers: await storeHeaders(sdk, config),
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
  } catch (err) {
    return { ok: false, status: 0, error: toProblem(err) }
  }
  const json: unknown = await res.json().catch(() => ({}))
  if (res.ok) {
    return { ok: true, data: json as T }
  }
  const body = json as Partial<ChatRefusal>
  return { ok: false, status: res.status, error: { ...body, code: body.code ?? `http_${res.status}`, message: body.message ?? res.statusText } }
}

const chatPath = (showId: string, rest = "") => `/store/shows/${encodeURIComponent(showId)}/chat${rest}`

/** Throws the refusal, for reads whose failure the caller only reports. */
const orThrow = <T>(answer: Answer<T>): T => {
  if (!answer.ok) {
    throw answer.error
  }
  return answer.data
}

export type ChatApi = ReturnType<typeof chatApi>

/** The chat routes of one show, as the logged-in customer (or anonymously). */
export function chatApi(sdk: Medusa, config: ViewerConfig, showId: string) {
  return {
    snapshot: async () => orThrow(await request<{ chat: StoreChatSnapshot; server_time: string }>(sdk, config, chatPath(showId))),

    /** Newest first; `before`: the `next_cursor` of the page before. */
    page: async (before?: string) => {
      const query = before ? `?limit=50&before=${encodeURIComponent(before)}` : "?limit=50"
      return orThrow(await request<ChatPage>(sdk, config, chatPath(showId, `/messages${query}`)))
    },

    /** What came after `afterSeq` (oldest first), and what was deleted since `deletedSince`. */
    since: async (afterSeq: number, deletedSince: string | null) => {
      const deleted = deletedSince ? `&deleted_since=${encodeURIComponent(deletedSince)}` : ""
      return orThrow(await request<ChatCatchUp>(sdk, config, chatPath(showId, `/messages?limit=100&after_seq=${afterSeq}${deleted}`)))
    },

    send: (body: ChatSend) => sendChatMessage(sdk, config, showId, body),

    /** Moderators only (the route answers 403 `chat_not_moderator` otherwise). */
    deleteMessage: (messageId: string) => request(sdk, config, chatPath(showId, `/messages/${encodeURIComponent(messageId)}`), { method: "DELETE" }),
    answer: (messageId: string, answer_text: string) =>
      request(sdk, config, chatPath(showId, `/messages/${encodeURIComponent(messageId)}/answer`), { method: "POST", body: { answer_text } }),
    dismiss: (messageId: string) =>
      request(sdk, config, chatPath(showId, `/messages/${encodeURIComponent(messageId)}/dismiss`), { method: "POST", body: {} }),
  }
}

export type ChatSend = { text: string; kind: "message" | "question"; idempotency_key: string }
export type ChatSendResult = { ok: true; message: ChatMessage } | { ok: false; status: number; error: ChatRefusal }

const RETRIES = [300, 900]

/**
 * `POST /store/shows/:id/chat/messages`. The caller picks the idempotency key once per message;
 * a network failure, a 5xx or a 409 is retried here with the same key (and the caller may retry
 * again later with it), so a message is never posted twice: the server replays its first answer.
 */
export async function sendChatMessage(sdk: Medusa, config: ViewerConfig, showId: string, body: ChatSend): Promise<ChatSendResult> {
  for (let attempt = 0; ; attempt++) {
    const answer = await request<{ message: ChatMessage }>(sdk, config, chatPath(showId, "/messages"), { method: "POST", body })
    if (answer.ok) {
      return { ok: true, message: answer.data.message }
    }
    if (isTransient(answer.status) && attempt < RETRIES.length) {
      await sleep(RETRIES[attempt])
      continue
    }
    return answer
  }
}

/** No answer, a server fault or a request still in progress: the same key may be sent again. */
export const isTransient = (status: number) => status === 0 || status === 409 || status >= 500
