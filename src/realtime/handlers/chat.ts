import { AuctionErrorCodes, ChatErrorCodes, RealtimeErrorCodes, type AckResponse, type ChatMessage, type RealtimeErrorCode } from "../contract"
import { fail, type ClientHandlers, type RealtimeSocket } from "./validated"

export type ChatSendDeps = {
  /** Medusa's URL as this process reaches it (`MEDUSA_URL`). */
  medusaUrl?: string
  /** The publishable key sent with Store requests when the client's handshake names none. */
  publishableKey?: string
  /** How long Medusa may take to answer before the ack says `unavailable`. */
  timeoutMs?: number
  log?: (message: string) => void
}

const KNOWN_CODES = new Set<string>([
  ...Object.values(ChatErrorCodes),
  ...Object.values(RealtimeErrorCodes),
  AuctionErrorCodes.idempotency_conflict,
  AuctionErrorCodes.idempotency_in_progress,
])
const RETRY_MS = 1_000

/**
 * An HTTP answer of `POST /store/shows/:id/chat/messages` as an ack: the stored message, or the
 * route's refusal with its code and `retry_after_ms`. A 401 (no or a bad token) is `unauthorized`;
 * a code this contract does not know, or a 5xx, never reaches the client as such.
 */
export function ackFromStoreAnswer(status: number, body: unknown): AckResponse<{ message: ChatMessage }> {
  const b = (body ?? {}) as { message?: unknown; code?: unknown; retry_after_ms?: unknown }
  if (status === 200 && typeof b.message === "object" && b.message !== null) {
    return { ok: true, data: { message: b.message as ChatMessage } }
  }
  if (status === 401) {
    return fail("unauthorized", "Log in to chat.")
  }
  const text = typeof b.message === "string" ? b.message.slice(0, 200) : "Refused."
  if (status >= 400 && status < 500 && typeof b.code === "string" && KNOWN_CODES.has(b.code)) {
    const retry = typeof b.retry_after_ms === "number" ? b.retry_after_ms : undefined
    return fail(b.code as RealtimeErrorCode, text, retry)
  }
  if (status === 400) {
    return fail("invalid_payload", text)
  }
  if (status >= 500 || status === 429) {
    return fail("unavailable", "Chat could not take the message just now; retry shortly.", RETRY_MS)
  }
  return fail("unknown_error", "Something went wrong on the server; try again.")
}

/**
 * `chat:send`: sent through Medusa's Store route as the connected customer (their own token), so
 * the socket and HTTP share one set of rules, one store of messages and one set of codes
 * (docs/decisions.md). The stored message reaches the show's room through the live-events
 * pipeline like any other; the ack carries it too.
 */
export function chatHandlers(socket: RealtimeSocket, deps: ChatSendDeps): Pick<ClientHandlers, "chat:send"> {
  return {
    "chat:send": async ([{ show_id, text, kind, idempotency_key }], ack) => {
      const token = socket.data.token
      if (socket.data.actor?.type !== "customer" || !token) {
        ack(fail("unauthorized", "Log in to chat: connect with a customer token."))
        return
      }
      if (!deps.medusaUrl) {
        ack(fail("unavailable", "Chat over the socket is not configured on this server (MEDUSA_URL); use the Store API.", RETRY_MS))
        return
      }
      const key = (socket.handshake.auth as { publishable_key?: unknown } | undefined)?.publishable_key
      const publishableKey = typeof key === "string" && key.length <= 200 ? key : deps.publishableKey
      try {
        const res = await fetch(`${deps.medusaUrl}/store/shows/${encodeURIComponent(show_id)}/chat/messages`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            authorization: `Bearer ${token}`,
            ...(publishableKey ? { "x-publishable-api-key": publishableKey } : {}),
          },
          body: JSON.stringify({ text, kind, idempotency_key }),
          signal: AbortSignal.timeout(deps.timeoutMs ?? 5_000),
        })
        const body: unknown = await res.json().catch(() => null)
        ack(ackFromStoreAnswer(res.status, body))
      } catch (err) {
        deps.log?.(`realtime: chat:send could not reach Medusa: ${(err as Error).message}`)
        ack(fail("unavailable", "Chat could not take the message just now; retry shortly.", RETRY_MS))
      }
    },
  }
}
