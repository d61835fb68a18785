import type { ChatMessage } from "medusa-plugin-live-commerce/realtime/contract"
import { clock } from "./format"

/*
 * A show's chat as the viewer page holds it, as a pure reducer over HTTP pages and socket events
 * (issue #16). Messages are kept oldest first, one per id, in `seq` order, so a live event and
 * the HTTP page that also carries it never show twice, whatever order they arrive in.
 */

/** Characters a message may have after trimming (the contract's `CHAT_MAX_LENGTH`; a unit test keeps them equal). */
export const CHAT_MAX_LENGTH = 500

/** Messages kept in the feed while the reader follows the bottom; older ones load again on scroll. */
export const FEED_LIMIT = 300

/** What the Store API says about the logged-in viewer (`chat.you`). */
export type ChatYou = { moderator: boolean; muted_until: string | null; removed: boolean; blocked: boolean }

/** `GET /store/shows/:id/chat`. */
export type StoreChatSnapshot = {
  show_id: string
  last_seq: number
  slow_mode_seconds: number
  pinned: ChatMessage | null
  questions: ChatMessage[]
  you?: ChatYou
}

/** A refusal of a send as the Store API answers it (`ChatErrorBody`). */
export type ChatRefusal = { code: string; message: string; retry_after_ms?: number; rule?: { scope: "platform" | "show"; word: string } }

export type ChatState = {
  /** Oldest first, unique by id, ordered by seq. */
  messages: ChatMessage[]
  /** `before` for the next older page; null: the start of the chat is shown. */
  olderCursor: string | null
  /** Whether the newest page has been loaded (until then the feed says "Loading"). */
  loaded: boolean
  pinned: ChatMessage | null
  /** Open and answered questions, newest first. */
  questions: ChatMessage[]
  slowModeSeconds: number
  moderator: boolean
  /** Muted until this time (ms, server clock), or null. */
  mutedUntil: number | null
  /** Removed from this show's chat, or blocked by its seller. */
  removed: "removed" | "blocked" | null
  /** The next send is refused until then (ms, server clock): slow mode or the rate limit. */
  waitUntil: number | null
  waitCode: "chat_slow_mode" | "chat_rate_limited" | null
  /** The last refusal that is not a wait, mute or removal (blocked word, too long…). */
  refusal: ChatRefusal | null
  /** The server time of the last sync: `deleted_since` of the next catch-up. */
  syncedAt: string | null
}

export const emptyChat: ChatState = {
  messages: [],
  olderCursor: null,
  loaded: false,
  pinned: null,
  questions: [],
  slowModeSeconds: 0,
  moderator: false,
  mutedUntil: null,
  removed: null,
  waitUntil: null,
  waitCode: null,
  refusal: null,
  syncedAt: null,
}

export type ChatAction =
  /** The snapshot: pin, questions, slow mode, and the viewer's standing (`you`, when logged in). */
  | { type: "snapshot"; chat: StoreChatSnapshot; server_time: string }
  /** The newest page (newest first): replaces the feed. */
  | { type: "latest"; messages: ChatMessage[]; next_cursor: string | null; server_time: string }
  /** An older page (newest first), from scrolling up. */
  | { type: "history"; messages: ChatMessage[]; next_cursor: string | null }
  /** After a reconnect: what came since the last seq shown (oldest first) and what was deleted. */
  | { type: "caught_up"; messages: ChatMessage[]; deleted?: { message_id: string }[]; server_time: string }
  /** A live message, or the sender's own from the send answer; `trim` keeps the feed at FEED_LIMIT. */
  | { type: "message"; message: ChatMessage; trim?: boolean }
  | { type: "deleted"; message_id: string }
  | { type: "pinned"; message: ChatMessage | null }
  /** A question answered or dismissed. */
  | { type: "answered"; message: ChatMessage }
  | { type: "slow_mode"; seconds: number }
  /** `until`: ms, server clock. */
  | { type: "muted"; until: number }
  | { type: "removed"; reason: "removed" | "blocked" }
  /** The viewer's own send was taken: any earlier refusal is over. `now`: ms, server clock. */
  | { type: "sent"; message: ChatMessage; now: number }
  /** The viewer's own send was refused. `now`: ms, server clock. */
  | { type: "refused"; refusal: ChatRefusal; now: number }
  | { type: "clear_refusal" }

/** Merges messages into an oldest-first list: one per id (the later copy wins), ordered by seq. */
export function mergeMessages(current: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  if (!incoming.length) {
    return current
  }
  const last = current.at(-1)
  // The usual case, a live message newer than all: append without re-sorting.
  if (incoming.length === 1 && (!last || incoming[0].seq > last.seq)) {
    return [...current, incoming[0]]
  }
  const byId = new Map(current.map((m) => [m.id, m]))
  for (const m of incoming) {
    byId.set(m.id, m)
  }
  return [...byId.values()].sort((a, b) => a.seq - b.seq)
}

const isOpenOrAnswered = (m: ChatMessage) => m.kind === "question" && (m.question_state === "open" || m.question_state === "answered")

/** The questions lane after a question changed: kept (updated) while open or answered, newest first. */
function upsertQuestion(questions: ChatMessage[], message: ChatMessage): ChatMessage[] {
  const others = questions.filter((q) => q.id !== message.id)
  return isOpenOrAnswered(message) ? [...others, message].sort((a, b) => b.seq - a.seq) : others
}

function withoutMessage(state: ChatState, id: string): ChatState {
  return {
    ...state,
    messages: state.messages.filter((m) => m.id !== id),
    questions: state.questions.filter((q) => q.id !== id),
    pinned: state.pinned?.id === id ? null : state.pinned,
  }
}

/** The feed's oldest message, as the cursor for the page before it. */
const cursorBefore = (messages: ChatMessage[]) => (messages.length ? String(messages[0].seq) : null)

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case "snapshot": {
      const { chat } = action
      const you = chat.you
      return {
        ...state,
        pinned: chat.pinned,
        questions: chat.questions.filter(isOpenOrAnswered).sort((a, b) => b.seq - a.seq),
        slowModeSeconds: chat.slow_mode_seconds,
        moderator: you?.moderator ?? false,
        mutedUntil: you?.muted_until ? Date.parse(you.muted_until) : you ? null : state.mutedUntil,
        removed: you?.blocked ? "blocked" : you?.removed ? "removed" : you ? null : state.removed,
      }
    }
    case "latest": {
      // Live messages newer than the page (sent while it loaded) stay; the rest is replaced.
      const newest = action.messages[0]?.seq ?? 0
      const newer = state.messages.filter((m) => m.seq > newest)
      return {
        ...state,
        messages: mergeMessages([...action.messages].reverse(), newer),
        olderCursor: action.next_cursor,
        loaded: true,
        syncedAt: action.server_time,
      }
    }
    case "history": {
      const messages = mergeMessages(state.messages, action.messages)
      return { ...state, messages, olderCursor: action.next_cursor }
    }
    case "caught_up": {
      let next: ChatState = { ...state, messages: mergeMessages(state.messages, action.messages), syncedAt: action.server_time }
      for (const d of action.deleted ?? []) {
        next = withoutMessage(next, d.message_id)
      }
      for (const m of action.messages) {
        if (m.kind === "question") {
          next = { ...next, questions: upsertQuestion(next.questions, m) }
        }
      }
      return next
    }
    case "message": {
      let messages = mergeMessages(state.messages, [action.message])
      let olderCursor = state.olderCursor
      if (action.trim && messages.length > FEED_LIMIT) {
        messages = messages.slice(messages.length - FEED_LIMIT)
        olderCursor = cursorBefore(messages)
      }
      const questions = action.message.kind === "question" ? upsertQuestion(state.questions, action.message) : state.questions
      return { ...state, messages, olderCursor, questions }
    }
    case "deleted":
      return withoutMessage(state, action.message_id)
    case "pinned":
      return { ...state, pinned: action.message }
    case "answered": {
      const { message } = action
      const messages = state.messages.map((m) => (m.id === message.id ? message : m))
      const pinned = state.pinned?.id === message.id ? message : state.pinned
      return { ...state, messages, pinned, questions: upsertQuestion(state.questions, message) }
    }
    case "slow_mode":
      return {
        ...state,
        slowModeSeconds: action.seconds,
        ...(action.seconds === 0 && state.waitCode === "chat_slow_mode" ? { waitUntil: null, waitCode: null } : {}),
      }
    case "muted":
      return { ...state, mutedUntil: action.until }
    case "removed":
      return { ...state, removed: action.reason }
    case "sent": {
      const next = chatReducer(state, { type: "message", message: action.message, trim: true })
      // Slow mode holds the next message from now on (moderators are not held).
      const slow = state.slowModeSeconds > 0 && !state.moderator
      return {
        ...next,
        refusal: null,
        mutedUntil: null,
        waitUntil: slow ? action.now + state.slowModeSeconds * 1000 : null,
        waitCode: slow ? "chat_slow_mode" : null,
      }
    }
    case "refused": {
      const { refusal, now } = action
      switch (refusal.code) {
        case "chat_slow_mode":
        case "chat_rate_limited":
          return { ...state, refusal: null, waitUntil: now + (refusal.retry_after_ms ?? 1000), waitCode: refusal.code }
        case "chat_muted":
          return { ...state, refusal: null, mutedUntil: now + (refusal.retry_after_ms ?? 0) }
        case "chat_removed":
          return { ...state, refusal: null, removed: "removed" }
        case "chat_blocked":
          return { ...state, refusal: null, removed: "blocked" }
        default:
          return { ...state, refusal }
      }
    }
    case "clear_refusal":
      return state.refusal ? { ...state, refusal: null } : state
  }
}

/** The show's status as far as chat cares. */
export type ChatShowStatus = "scheduled" | "live" | "ended" | "cancelled" | string

/** What stops this viewer from sending now, and the line that says so; null: they may send. */
export type ChatNotice = { code: string; text: string; blocksInput: boolean; blocksSend: boolean }

/** "4:59" under an hour, "2 h 5 min" beyond. */
export function timeLeft(ms: number): string {
  if (ms < 3600_000) {
    return clock(ms)
  }
  const minutes = Math.ceil(ms / 60_000)
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

/** A refusal in words: the blocked word by name, anything else as the server said it. */
export function refusalText(refusal: ChatRefusal): string {
  switch (refusal.code) {
    case "chat_blocked_word":
      return refusal.rule
        ? `Not sent: "${refusal.rule.word}" is not allowed ${refusal.rule.scope === "show" ? "in this show" : "here"}.`
        : `Not sent: ${refusal.message}`
    case "chat_message_too_long":
      return `Not sent: a message has at most ${CHAT_MAX_LENGTH} characters.`
    case "chat_message_empty":
      return "Type a message first."
    case "unauthorized":
    case "http_401":
      return "Log in to chat."
    default:
      return `Not sent: ${refusal.message}`
  }
}

/**
 * The line under the chat, most lasting reason first: removed or blocked, the show's status,
 * a mute (with the time left), the last refusal, then slow mode's wait. `now`: ms, server clock.
 */
export function chatNotice(state: ChatState, showStatus: ChatShowStatus, now: number): ChatNotice | null {
  if (state.removed) {
    const text = state.removed === "blocked" ? "The seller blocked you from their chats." : "You were removed from this chat."
    return { code: `chat_${state.removed}`, text, blocksInput: true, blocksSend: true }
  }
  if (showStatus === "ended" || showStatus === "cancelled") {
    return { code: "chat_show_ended", text: "The show has ended: chat is closed.", blocksInput: true, blocksSend: true }
  }
  if (showStatus !== "live") {
    return { code: "chat_show_not_live", text: "Chat opens when the show goes live.", blocksInput: true, blocksSend: true }
  }
  if (state.mutedUntil !== null && state.mutedUntil > now) {
    return { code: "chat_muted", text: `You are muted for ${timeLeft(state.mutedUntil - now)}.`, blocksInput: true, blocksSend: true }
  }
  if (state.refusal) {
    return { code: state.refusal.code, text: refusalText(state.refusal), blocksInput: false, blocksSend: false }
  }
  if (state.waitUntil !== null && state.waitUntil > now) {
    const left = clock(state.waitUntil - now)
    const text = state.waitCode === "chat_rate_limited" ? `Too many messages: wait ${left}.` : `Slow mode: you can send again in ${left}.`
    return { code: state.waitCode ?? "chat_slow_mode", text, blocksInput: false, blocksSend: true }
  }
  return null
}

/**
 * What the viewer page says under the chat instead of the send box when nobody is logged in: the
 * show's own state while chat is closed (logging in would not open it), else the way in.
 */
export function anonymousChatLine(showStatus: ChatShowStatus): { code: string; text: string } {
  const closed = chatNotice(emptyChat, showStatus, 0)
  return closed ? { code: closed.code, text: closed.text } : { code: "chat_login_required", text: "Log in to chat." }
}

/**
 * Follows the show's message numbers on the live feed. `known`: every message up to it is in hand
 * (from HTTP, or live with no hole); null before the first load. A live message past `known + 1`
 * shows that one before it never arrived (the feed is best effort): `missed` asks for a catch-up
 * from `known`, which stays put until that catch-up answers. Message seqs have no holes: a
 * deleted message keeps its number.
 */
export function followSeq(known: number | null, seq: number): { known: number | null; missed: boolean } {
  if (known === null || seq <= known) {
    return { known, missed: false }
  }
  return seq === known + 1 ? { known: seq, missed: false } : { known, missed: true }
}

/** Characters as the server counts them (code points, after trimming). */
export const messageLength = (text: string) => [...text.trim()].length
