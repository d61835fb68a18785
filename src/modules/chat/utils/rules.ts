import { CHAT_MAX_LENGTH, type ChatErrorBody, type ChatMessageKind } from "../../../realtime/contract/chat"
import { ChatErrorCodes, type ChatErrorCode } from "../../../realtime/contract/errors"

/** Per-viewer rate limit in a show, besides slow mode: at most this many messages per window. */
export const CHAT_RATE_LIMIT = { messages: 5, windowMs: 10_000 } as const

export type BlockedWord = { scope: "platform" | "show"; word: string }

/** What a send is decided on: the show, the sender's standing in it and the show's settings. */
export type ChatSendState = {
  show: { status: string } | null
  removed: boolean
  blocked: boolean
  /** The latest end of a mute still running, else null. */
  muted_until: Date | null
  /** The sender's latest messages in the show, newest first (at least `CHAT_RATE_LIMIT.messages`). */
  recent: Date[]
  slow_mode_seconds: number
  /** Moderators are not held by slow mode (they answer while it is on). */
  is_moderator: boolean
  words: BlockedWord[]
}

export type ChatRefusal = ChatErrorBody & { status: number; code: ChatErrorCode }
export type ChatSendDecision = { ok: true; text: string; kind: ChatMessageKind } | ({ ok: false } & ChatRefusal)

const refuse = (status: number, code: ChatErrorCode, message: string, extra: Partial<ChatErrorBody> = {}): { ok: false } & ChatRefusal => ({
  ...extra,
  ok: false,
  status,
  code,
  type: status === 404 ? "not_found" : status === 403 ? "not_allowed" : "invalid_data",
  message,
})

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** The first blocked word the text contains as a whole word (any case), or null. */
export function findBlockedWord(text: string, words: BlockedWord[]): BlockedWord | null {
  const lower = text.toLocaleLowerCase()
  for (const w of words) {
    const word = w.word.toLocaleLowerCase()
    if (word && new RegExp(`(^|[^\\p{L}\\p{N}])${escape(word)}($|[^\\p{L}\\p{N}])`, "u").test(lower)) {
      return w
    }
  }
  return null
}

/**
 * Whether a message may be sent, and why not: the show first (unknown, not live, over), then the
 * sender (removed, blocked, muted: with the time left), then the text (empty, too long, a blocked
 * word), then pace (rate limit, slow mode: with the wait). Pure: the service reads the state in
 * the send's transaction and stores only on `ok`.
 */
export function decideChatSend(raw: string, kind: ChatMessageKind, state: ChatSendState, now: Date): ChatSendDecision {
  if (!state.show || state.show.status === "cancelled") {
    return refuse(404, ChatErrorCodes.chat_show_not_found, "No show has this id.")
  }
  if (state.show.status === "scheduled") {
    return refuse(400, ChatErrorCodes.chat_show_not_live, "The show has not started: chat opens when it goes live.")
  }
  if (state.show.status !== "live") {
    return refuse(400, ChatErrorCodes.chat_show_ended, "The show has ended: its chat is closed.")
  }
  if (state.blocked) {
    return refuse(403, ChatErrorCodes.chat_blocked, "The seller has blocked you from their chats.")
  }
  if (state.removed) {
    return refuse(403, ChatErrorCodes.chat_removed, "You were removed from this show's chat.")
  }
  if (state.muted_until && state.muted_until > now) {
    const left = state.muted_until.getTime() - now.getTime()
    return refuse(403, ChatErrorCodes.chat_muted, `You are muted in this show for ${Math.ceil(left / 1000)} s more.`, {
      retry_after_ms: left,
    })
  }
  const text = raw.trim()
  if (!text) {
    return refuse(400, ChatErrorCodes.chat_message_empty, "The message is empty.")
  }
  if ([...text].length > CHAT_MAX_LENGTH) {
    return refuse(400, ChatErrorCodes.chat_message_too_long, `A message has at most ${CHAT_MAX_LENGTH} characters.`)
  }
  const rule = findBlockedWord(text, state.words)
  if (rule) {
    return refuse(400, ChatErrorCodes.chat_blocked_word, `The message contains a word blocked ${rule.scope === "platform" ? "on this platform" : "in this show"}.`, {
      rule,
    })
  }
  const inWindow = state.recent.filter((t) => now.getTime() - t.getTime() < CHAT_RATE_LIMIT.windowMs)
  if (inWindow.length >= CHAT_RATE_LIMIT.messages) {
    const oldest = inWindow[CHAT_RATE_LIMIT.messages - 1]
    const wait = Math.max(1, oldest.getTime() + CHAT_RATE_LIMIT.windowMs - now.getTime())
    return refuse(429, ChatErrorCodes.chat_rate_limited, `Too many messages; wait ${Math.ceil(wait / 1000)} s.`, { retry_after_ms: wait })
  }
  const last = state.recent[0]
  if (state.slow_mode_seconds > 0 && !state.is_moderator && last) {
    const wait = last.getTime() + state.slow_mode_seconds * 1000 - now.getTime()
    if (wait > 0) {
      return refuse(429, ChatErrorCodes.chat_slow_mode, `Slow mode: one message every ${state.slow_mode_seconds} s; wait ${Math.ceil(wait / 1000)} s.`, {
        retry_after_ms: wait,
      })
    }
  }
  return { ok: true, text, kind }
}
