import { model } from "@medusajs/framework/utils"
import { CHAT_MESSAGE_KINDS, CHAT_MODERATION_ACTIONS, CHAT_QUESTION_STATES } from "../../../realtime/contract/chat"

/**
 * A chat message in a show. Deleted by a moderator: `deleted_at` (Medusa's soft delete) and
 * `deleted_by`, so it is gone from history and lists while the moderation log keeps the record.
 */
export const ChatMessage = model
  .define(
    { tableName: "live_chat_message", name: "ChatMessage" },
    {
      id: model.id({ prefix: "chmsg" }).primaryKey(),
      show_id: model.text(),
      /** The show's chat order: 1, 2, … (catch-up after a reconnect reads past the last one seen). */
      seq: model.number(),
      customer_id: model.text(),
      /** The author's name as viewers see it, fixed when the message was sent. */
      display_name: model.text(),
      /** As sent (trimmed): rendered as text, never as HTML. */
      text: model.text(),
      kind: model.enum([...CHAT_MESSAGE_KINDS]).default("message"),
      /** Questions only: open until answered or dismissed. */
      question_state: model.enum([...CHAT_QUESTION_STATES]).nullable(),
      answer_text: model.text().nullable(),
      /** `user:<id>` (the seller or staff) or `customer:<id>` (a moderator). */
      answered_by: model.text().nullable(),
      answered_at: model.dateTime().nullable(),
      deleted_by: model.text().nullable(),
    }
  )
  .indexes([
    { on: ["show_id", "seq"], unique: true },
    { on: ["show_id", "customer_id", "created_at"] },
    { on: ["show_id", "question_state"], where: "question_state IS NOT NULL" },
  ])

/** A show's chat settings and counter: slow mode, the pinned message, the last seq handed out. */
export const ChatRoom = model
  .define(
    { tableName: "live_chat_room", name: "ChatRoom" },
    {
      id: model.id({ prefix: "chroom" }).primaryKey(),
      show_id: model.text().unique(),
      /** The seller who runs the show (moderation is scoped by it). */
      seller_id: model.text().nullable(),
      last_seq: model.number().default(0),
      /** One message per this many seconds per viewer; 0: off. */
      slow_mode_seconds: model.number().default(0),
      pinned_message_id: model.text().nullable(),
    }
  )

/** A viewer chosen by the show's seller to moderate its chat from the viewer side. */
export const ChatModerator = model
  .define(
    { tableName: "live_chat_moderator", name: "ChatModerator" },
    {
      id: model.id({ prefix: "chmod" }).primaryKey(),
      show_id: model.text(),
      customer_id: model.text(),
      added_by: model.text(),
    }
  )
  .indexes([{ on: ["show_id", "customer_id"], unique: true, where: "deleted_at IS NULL" }])

/** A viewer who may not send in a show until `until`. */
export const ChatMute = model
  .define(
    { tableName: "live_chat_mute", name: "ChatMute" },
    {
      id: model.id({ prefix: "chmute" }).primaryKey(),
      show_id: model.text(),
      customer_id: model.text(),
      until: model.dateTime(),
      created_by: model.text(),
    }
  )
  .indexes([{ on: ["show_id", "customer_id", "until"] }])

/** A viewer removed from a show's chat (for the rest of the show). */
export const ChatRemoval = model
  .define(
    { tableName: "live_chat_removal", name: "ChatRemoval" },
    {
      id: model.id({ prefix: "chrem" }).primaryKey(),
      show_id: model.text(),
      customer_id: model.text(),
      created_by: model.text(),
    }
  )
  .indexes([{ on: ["show_id", "customer_id"], unique: true, where: "deleted_at IS NULL" }])

/** A viewer a seller blocked from the chat of all their shows. */
export const ChatBlock = model
  .define(
    { tableName: "live_chat_block", name: "ChatBlock" },
    {
      id: model.id({ prefix: "chblk" }).primaryKey(),
      seller_id: model.text(),
      customer_id: model.text(),
      created_by: model.text(),
    }
  )
  .indexes([{ on: ["seller_id", "customer_id"], unique: true, where: "deleted_at IS NULL" }])

/** A word messages may not contain: platform-wide (`show_id` null, staff) or in one show. */
export const ChatBlockedWord = model
  .define(
    { tableName: "live_chat_blocked_word", name: "ChatBlockedWord" },
    {
      id: model.id({ prefix: "chword" }).primaryKey(),
      show_id: model.text().nullable(),
      /** Lower case; matched as a whole word, case-insensitively. */
      word: model.text(),
      created_by: model.text(),
    }
  )
  .indexes([{ on: ["show_id", "word"] }])

/** One moderation action: who (`user:<id>` or `customer:<id>`), what, when, on whom or which message. */
export const ChatModerationLog = model
  .define(
    { tableName: "live_chat_moderation_log", name: "ChatModerationLog" },
    {
      id: model.id({ prefix: "chlog" }).primaryKey(),
      show_id: model.text().nullable(),
      seller_id: model.text().nullable(),
      actor: model.text(),
      action: model.enum([...CHAT_MODERATION_ACTIONS]),
      target_customer_id: model.text().nullable(),
      target_message_id: model.text().nullable(),
      detail: model.json().nullable(),
    }
  )
  .indexes([{ on: ["show_id", "created_at"] }, { on: ["seller_id", "created_at"] }])

/**
 * One send by its idempotency key, kept a day: the first answer (a stored message or a refusal),
 * replayed to every retry with the key (Stripe's rule), so a send retried after a timeout never
 * posts twice. Written in the send's own transaction.
 */
export const ChatSendRequest = model
  .define(
    { tableName: "live_chat_send_request", name: "ChatSendRequest" },
    {
      id: model.id({ prefix: "chreq" }).primaryKey(),
      customer_id: model.text(),
      /** The client's key: unique per customer, as Stripe's are per account. */
      idempotency_key: model.text(),
      /** What was asked (show, kind, text), to tell a retry from another send reusing the key. */
      fingerprint: model.text(),
      response_status: model.number(),
      /** The first answer's body, JSON text. */
      response: model.text(),
    }
  )
  .indexes([{ on: ["customer_id", "idempotency_key"], unique: true }, { on: ["created_at"] }])
