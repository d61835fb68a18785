import { z } from "zod"

/*
 * Chat per show (issue #16), declared once: the message as everyone sees it, the limits, the
 * events viewers receive in `show:<id>` (and a muted or removed viewer in `user:<id>`), and the
 * `{ chat }` messages the live-events pipeline carries to the sidecars.
 */

/** Characters a message may have after trimming. */
export const CHAT_MAX_LENGTH = 500

export const CHAT_MESSAGE_KINDS = ["message", "question"] as const
export type ChatMessageKind = (typeof CHAT_MESSAGE_KINDS)[number]

/** A question stays in the questions lane until the seller or a moderator answers or dismisses it. */
export const CHAT_QUESTION_STATES = ["open", "answered", "dismissed"] as const
export type ChatQuestionState = (typeof CHAT_QUESTION_STATES)[number]

/** What moderators do, as the moderation log names it. */
export const CHAT_MODERATION_ACTIONS = [
  "delete_message",
  "mute",
  "unmute",
  "remove",
  "block",
  "unblock",
  /** A removal lifted: the viewer may chat in the show again. */
  "unremove",
  "pin",
  "unpin",
  "answer",
  "dismiss",
  "add_moderator",
  "remove_moderator",
  "add_blocked_word",
  "remove_blocked_word",
  "set_slow_mode",
] as const
export type ChatModerationAction = (typeof CHAT_MODERATION_ACTIONS)[number]

/**
 * A chat message as viewers see it. `text` is exactly what was sent (trimmed): render it as text,
 * never as HTML. `seq` numbers the show's messages (1, 2, …) for catch-up.
 */
export type ChatMessage = {
  id: string
  show_id: string
  seq: number
  customer_id: string
  display_name: string
  text: string
  kind: ChatMessageKind
  /** Questions only: open until answered or dismissed. */
  question_state: ChatQuestionState | null
  answer_text: string | null
  answered_at: string | null
  created_at: string
}

/** Room events carry their room and the server's clock. */
type ChatEventMeta = { room: string; show_id: string; server_time: string }

export type ChatMessageEvent = ChatEventMeta & { message: ChatMessage }
export type ChatDeletedEvent = ChatEventMeta & { message_id: string; seq: number }
/** `message` null: unpinned. */
export type ChatPinnedEvent = ChatEventMeta & { message: ChatMessage | null }
/** The question with its answer (or dismissed: `question_state` says). */
export type ChatQuestionEvent = ChatEventMeta & { message: ChatMessage }
export type ChatSlowModeEvent = ChatEventMeta & { slow_mode_seconds: number }
/** To the muted viewer only (room `user:<id>`). */
export type ChatMutedNotice = ChatEventMeta & { until: string }
/** To the removed or blocked viewer only (room `user:<id>`). */
export type ChatRemovedNotice = ChatEventMeta & { reason: "removed" | "blocked" }
/**
 * To the viewer only (room `user:<id>`): a mute, removal or block of theirs was lifted. Their
 * standing may still hold another restriction, so the client reads it again (`GET …/chat`).
 */
export type ChatRestoredNotice = ChatEventMeta & { lifted: "mute" | "removal" | "block" }

/** The chat's events for sidecars to emit, each with exactly its payload (minus room and clock). */
export type ChatEventPayloads = {
  "chat:message": ChatMessageEvent
  "chat:deleted": ChatDeletedEvent
  "chat:pinned": ChatPinnedEvent
  "chat:question_answered": ChatQuestionEvent
  "chat:slow_mode": ChatSlowModeEvent
  "chat:muted": ChatMutedNotice
  "chat:removed": ChatRemovedNotice
  "chat:restored": ChatRestoredNotice
}
export type ChatEventName = keyof ChatEventPayloads
export const CHAT_EVENT_NAMES = [
  "chat:message",
  "chat:deleted",
  "chat:pinned",
  "chat:question_answered",
  "chat:slow_mode",
  "chat:muted",
  "chat:removed",
  "chat:restored",
] as const satisfies readonly ChatEventName[]

/** Events only the viewer they are about receives. */
export const CHAT_PRIVATE_EVENTS = ["chat:muted", "chat:removed", "chat:restored"] as const satisfies readonly ChatEventName[]

/**
 * A chat event on its way to the sidecars (`{ chat }` messages of the live-events pipeline): to
 * the show's room, or with `customer_id` to that viewer's private room only. Best effort: the
 * durable record is `GET /store/shows/:id/chat` and `…/chat/messages?after_seq=`.
 */
export type ChatUpdate = {
  [E in ChatEventName]: {
    show_id: string
    customer_id?: string
    event: E
    payload: Omit<ChatEventPayloads[E], "room" | "server_time">
  }
}[ChatEventName]

/** A send's idempotency key: 8–128 characters the client chooses (a UUID is right). */
export const ChatIdempotencyKey = z
  .string()
  .trim()
  .min(8)
  .max(128)
  .refine((t) => !t.includes("\u0000"), { message: "must not contain NUL characters" })

/** `chat:send`: the socket twin of `POST /store/shows/:id/chat/messages` (same rules, same codes). */
export const ChatSendPayload = z
  .object({
    show_id: z.string().regex(/^show_[A-Za-z0-9]{1,59}$/),
    text: z
      .string()
      .max(CHAT_MAX_LENGTH * 8)
      .refine((t) => !t.includes("\u0000"), { message: "must not contain NUL characters" }),
    kind: z.enum(CHAT_MESSAGE_KINDS).optional(),
    /** One per message the person sends, reused on retry: a retry gets the first answer, never a second message. */
    idempotency_key: ChatIdempotencyKey.optional(),
  })
  .strict()
export type ChatSendPayload = z.infer<typeof ChatSendPayload>

/** A refused send or moderation request, as the Store API answers it. */
export type ChatErrorBody = {
  code: string
  type: string
  message: string
  /** Slow mode, rate limit, mute: how long until a message would be taken. */
  retry_after_ms?: number
  /** A blocked word: which list it is on and the word. */
  rule?: { scope: "platform" | "show"; word: string }
}
