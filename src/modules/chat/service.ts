import type { Knex, SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { ChatMessage as ChatMessageDTO, ChatMessageKind, ChatModerationAction, ChatUpdate } from "../../realtime/contract/chat"
import { AuctionErrorCodes, ChatErrorCodes } from "../../realtime/contract/errors"
import { ChatBlock, ChatBlockedWord, ChatMessage, ChatModerationLog, ChatModerator, ChatMute, ChatRemoval, ChatRoom, ChatSendRequest } from "./models"
import { answerOnce, pruneSendRequests } from "./utils/send-requests"
import { decideChatSend, CHAT_RATE_LIMIT, type ChatRefusal, type ChatSendDecision } from "./utils/rules"

export type SendChatMessageInput = {
  show_id: string
  /** The show as the caller read it (null: no such show); chat lives and dies with it. */
  show: { status: string; seller_id: string | null } | null
  customer_id: string
  display_name: string
  text: string
  kind: ChatMessageKind
  /** A retry with the same key gets the first answer again (`replayed`), never a second message. */
  idempotency_key?: string
}

export type SendChatMessageResult = (
  | { ok: true; message: ChatMessageDTO; updates: ChatUpdate[] }
  | ({ ok: false } & ChatRefusal)
  | { ok: false; status: 422; code: typeof AuctionErrorCodes.idempotency_conflict; type: "invalid_data"; message: string }
) & { replayed?: boolean }

/** Who moderates: `user:<admin user id>` (the seller, staff) or `customer:<id>` (a moderator). */
export type ModerationInput = { show_id: string | null; seller_id: string | null; actor: string } & (
  | { action: "delete_message"; message_id: string }
  | { action: "mute"; customer_id: string; duration_seconds: number }
  | { action: "unmute"; customer_id: string }
  | { action: "remove"; customer_id: string }
  | { action: "unremove"; customer_id: string }
  | { action: "block"; customer_id: string }
  | { action: "unblock"; customer_id: string }
  | { action: "pin"; message_id: string }
  | { action: "unpin" }
  | { action: "answer"; message_id: string; answer_text: string }
  | { action: "dismiss"; message_id: string }
  | { action: "add_moderator"; customer_id: string }
  | { action: "remove_moderator"; customer_id: string }
  | { action: "add_blocked_word"; word: string }
  | { action: "remove_blocked_word"; word_id: string }
  | { action: "set_slow_mode"; seconds: number }
)

export type ModerationResult = { result: Record<string, unknown>; updates: ChatUpdate[] }

type MessageRow = {
  id: string
  show_id: string
  seq: number
  customer_id: string
  display_name: string
  text: string
  kind: ChatMessageKind
  question_state: ChatMessageDTO["question_state"]
  answer_text: string | null
  answered_at: Date | string | null
  created_at: Date | string
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)

/** A stored message as viewers see it (never who deleted or answered it). */
export function toChatMessage(r: MessageRow): ChatMessageDTO {
  return {
    id: r.id,
    show_id: r.show_id,
    seq: Number(r.seq),
    customer_id: r.customer_id,
    display_name: r.display_name,
    text: r.text,
    kind: r.kind,
    question_state: r.question_state ?? null,
    answer_text: r.answer_text ?? null,
    answered_at: iso(r.answered_at),
    created_at: iso(r.created_at)!,
  }
}

const MESSAGE_COLUMNS = "id, show_id, seq, customer_id, display_name, text, kind, question_state, answer_text, answered_at, created_at"

/** The private notice that a restriction of the viewer's was lifted (they read their standing again). */
const restored = (show_id: string, customer_id: string, lifted: "mute" | "removal" | "block"): ChatUpdate => ({
  show_id,
  customer_id,
  event: "chat:restored",
  payload: { show_id, lifted },
})

const notFound = (code: string, message: string) => new MedusaError(MedusaError.Types.NOT_FOUND, message, code)

/**
 * Chat per show (issue #16): messages, moderators, mutes, removals, seller-wide blocks, blocked
 * words, slow mode, the pinned message and the moderation log. A send is decided and stored in one
 * transaction holding the show's chat row, so slow mode, the rate limit and `seq` cannot be raced.
 * The module publishes nothing: workflows hand the `updates` it returns to the live-events pipeline.
 */
export default class ChatModuleService extends MedusaService({
  ChatMessage,
  ChatRoom,
  ChatModerator,
  ChatMute,
  ChatRemoval,
  ChatBlock,
  ChatBlockedWord,
  ChatModerationLog,
  ChatSendRequest,
}) {
  @InjectManager()
  async sendMessage(input: SendChatMessageInput, @MedusaContext() sharedContext: Context = {}): Promise<SendChatMessageResult> {
    return this.sendMessage_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async sendMessage_(input: SendChatMessageInput, @MedusaContext() sharedContext: Context = {}): Promise<SendChatMessageResult> {
    const trx = this.trx_(sharedContext.transactionManager)
    if (!input.idempotency_key) {
      return this.decideSend_(trx, input)
    }
    // A live show's sends are serialised by its chat row: lock it first, so two copies of one
    // send cannot both miss the other's record.
    if (input.show?.status === "live") {
      await this.lockRoom_(trx, input.show_id, input.show.seller_id)
    }
    return answerOnce(trx, input, () => this.decideSend_(trx, input))
  }

  /** Decides and stores one send (or refuses it, storing nothing). */
  protected async decideSend_(trx: Knex.Transaction, input: SendChatMessageInput): Promise<SendChatMessageResult> {
    const now = new Date()
    if (input.show?.status !== "live") {
      // Refused on the show alone (unknown, not live, over): nothing is read, locked or made.
      const refusal: ChatSendDecision = decideChatSend(input.text, input.kind, emptyState(input.show), now)
      return refusal.ok ? { ok: false, status: 400, code: ChatErrorCodes.chat_show_not_live, type: "invalid_data", message: "The show is not live." } : refusal
    }
    const room = await this.lockRoom_(trx, input.show_id, input.show!.seller_id)
    const [standing, recent, words] = await Promise.all([
      trx
        .raw(
          `select
             exists(select 1 from live_chat_removal where show_id = ? and customer_id = ? and deleted_at is null) as removed,
             exists(select 1 from live_chat_block where seller_id = ? and customer_id = ? and deleted_at is null) as blocked,
             exists(select 1 from live_chat_moderator where show_id = ? and customer_id = ? and deleted_at is null) as is_moderator,
             (select max(until) from live_chat_mute where show_id = ? and customer_id = ? and deleted_at is null) as muted_until`,
          [input.show_id, input.customer_id, input.show!.seller_id ?? room.seller_id ?? "", input.customer_id, input.show_id, input.customer_id, input.show_id, input.customer_id]
        )
        .then((r: { rows: any[] }) => r.rows[0]),
      // Deleted messages count too: deleting one does not lift slow mode.
      trx
        .raw(`select created_at from live_chat_message where show_id = ? and customer_id = ? order by created_at desc limit ?`, [
          input.show_id,
          input.customer_id,
          CHAT_RATE_LIMIT.messages,
        ])
        .then((r: { rows: { created_at: Date }[] }) => r.rows.map((row) => new Date(row.created_at))),
      trx
        .raw(`select show_id, word from live_chat_blocked_word where (show_id is null or show_id = ?) and deleted_at is null`, [input.show_id])
        .then((r: { rows: { show_id: string | null; word: string }[] }) =>
          r.rows.map((w) => ({ scope: w.show_id ? ("show" as const) : ("platform" as const), word: w.word }))
        ),
    ])
    const full = decideChatSend(
      input.text,
      input.kind,
      {
        show: input.show,
        removed: standing.removed,
        blocked: standing.blocked,
        muted_until: standing.muted_until ? new Date(standing.muted_until) : null,
        recent,
        slow_mode_seconds: Number(room.slow_mode_seconds),
        is_moderator: standing.is_moderator,
        words,
      },
      now
    )
    if (!full.ok) {
      return full
    }
    const seq = Number(room.last_seq) + 1
    await trx.raw(`update live_chat_room set last_seq = ?, updated_at = now() where id = ?`, [seq, room.id])
    const { rows } = await trx.raw(
      `insert into live_chat_message (id, show_id, seq, customer_id, display_name, text, kind, question_state, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning ${MESSAGE_COLUMNS}`,
      [
        generateEntityId(undefined, "chmsg"),
        input.show_id,
        seq,
        input.customer_id,
        input.display_name,
        full.text,
        full.kind,
        full.kind === "question" ? "open" : null,
        now,
        now,
      ]
    )
    const message = toChatMessage(rows[0])
    return { ok: true, message, updates: [{ show_id: input.show_id, event: "chat:message", payload: { show_id: input.show_id, message } }] }
  }

  /**
   * One moderation action, recorded in the log in the same transaction. Moderators (customers)
   * cannot act on another moderator; the caller has checked the actor may moderate the show.
   */
  @InjectManager()
  async moderate(input: ModerationInput, @MedusaContext() sharedContext: Context = {}): Promise<ModerationResult> {
    return this.moderate_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async moderate_(input: ModerationInput, @MedusaContext() sharedContext: Context = {}): Promise<ModerationResult> {
    const trx = this.trx_(sharedContext.transactionManager)
    const show_id = input.show_id
    const room = show_id ? await this.lockRoom_(trx, show_id, input.seller_id) : null
    const out: ModerationResult = { result: {}, updates: [] }
    let target_customer_id: string | null = "customer_id" in input ? input.customer_id : null
    let target_message_id: string | null = "message_id" in input ? input.message_id : null
    let detail: Record<string, unknown> | null = null
    const byModerator = input.actor.startsWith("customer:")
    if (byModerator && target_customer_id && ["mute", "remove"].includes(input.action)) {
      const { rows } = await trx.raw(`select 1 from live_chat_moderator where show_id = ? and customer_id = ? and deleted_at is null`, [show_id, target_customer_id])
      if (rows.length) {
        throw new MedusaError(MedusaError.Types.FORBIDDEN, "Moderators cannot act on another moderator.", ChatErrorCodes.chat_target_is_moderator)
      }
    }
    const now = new Date()
    switch (input.action) {
      case "delete_message": {
        const message = await this.liveMessage_(trx, show_id!, input.message_id)
        await trx.raw(`update live_chat_message set deleted_at = ?, deleted_by = ?, updated_at = ? where id = ?`, [now, input.actor, now, message.id])
        target_customer_id = message.customer_id
        detail = { text: message.text, seq: Number(message.seq) }
        out.result = { id: message.id, deleted: true }
        out.updates.push({ show_id: show_id!, event: "chat:deleted", payload: { show_id: show_id!, message_id: message.id, seq: Number(message.seq) } })
        if (room!.pinned_message_id === message.id) {
          await trx.raw(`update live_chat_room set pinned_message_id = null where id = ?`, [room!.id])
          out.updates.push({ show_id: show_id!, event: "chat:pinned", payload: { show_id: show_id!, message: null } })
        }
        break
      }
      case "mute": {
        const until = new Date(now.getTime() + input.duration_seconds * 1000)
        const id = generateEntityId(undefined, "chmute")
        await trx.raw(`insert into live_chat_mute (id, show_id, customer_id, until, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)`, [
          id, show_id, input.customer_id, until, input.actor, now, now,
        ])
        detail = { duration_seconds: input.duration_seconds, until: until.toISOString() }
        out.result = { id, customer_id: input.customer_id, until: until.toISOString() }
        out.updates.push({ show_id: show_id!, customer_id: input.customer_id, event: "chat:muted", payload: { show_id: show_id!, until: until.toISOString() } })
        break
      }
      case "unmute": {
        await trx.raw(`update live_chat_mute set deleted_at = ? where show_id = ? and customer_id = ? and deleted_at is null`, [now, show_id, input.customer_id])
        out.result = { customer_id: input.customer_id, muted: false }
        out.updates.push(restored(show_id!, input.customer_id, "mute"))
        break
      }
      case "remove": {
        await trx.raw(
          `insert into live_chat_removal (id, show_id, customer_id, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?)
           on conflict (show_id, customer_id) where deleted_at is null do nothing`,
          [generateEntityId(undefined, "chrem"), show_id, input.customer_id, input.actor, now, now]
        )
        out.result = { customer_id: input.customer_id, removed: true }
        out.updates.push({ show_id: show_id!, customer_id: input.customer_id, event: "chat:removed", payload: { show_id: show_id!, reason: "removed" } })
        break
      }
      case "unremove": {
        // Like unmute and unblock, lifting what is not there is a no-op (the log still records the request).
        await trx.raw(`update live_chat_removal set deleted_at = ? where show_id = ? and customer_id = ? and deleted_at is null`, [now, show_id, input.customer_id])
        out.result = { customer_id: input.customer_id, removed: false }
        out.updates.push(restored(show_id!, input.customer_id, "removal"))
        break
      }
      case "block": {
        await trx.raw(
          `insert into live_chat_block (id, seller_id, customer_id, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?)
           on conflict (seller_id, customer_id) where deleted_at is null do nothing`,
          [generateEntityId(undefined, "chblk"), input.seller_id, input.customer_id, input.actor, now, now]
        )
        out.result = { customer_id: input.customer_id, seller_id: input.seller_id, blocked: true }
        if (show_id) {
          out.updates.push({ show_id, customer_id: input.customer_id, event: "chat:removed", payload: { show_id, reason: "blocked" } })
        }
        break
      }
      case "unblock": {
        await trx.raw(`update live_chat_block set deleted_at = ? where seller_id = ? and customer_id = ? and deleted_at is null`, [now, input.seller_id, input.customer_id])
        out.result = { customer_id: input.customer_id, blocked: false }
        if (show_id) {
          out.updates.push(restored(show_id, input.customer_id, "block"))
        }
        break
      }
      case "pin": {
        const message = await this.liveMessage_(trx, show_id!, input.message_id)
        await trx.raw(`update live_chat_room set pinned_message_id = ?, updated_at = ? where id = ?`, [message.id, now, room!.id])
        out.result = { pinned: toChatMessage(message) }
        out.updates.push({ show_id: show_id!, event: "chat:pinned", payload: { show_id: show_id!, message: toChatMessage(message) } })
        break
      }
      case "unpin": {
        target_message_id = room!.pinned_message_id
        await trx.raw(`update live_chat_room set pinned_message_id = null, updated_at = ? where id = ?`, [now, room!.id])
        out.result = { pinned: null }
        out.updates.push({ show_id: show_id!, event: "chat:pinned", payload: { show_id: show_id!, message: null } })
        break
      }
      case "answer":
      case "dismiss": {
        const message = await this.liveMessage_(trx, show_id!, input.message_id)
        if (message.kind !== "question") {
          throw new MedusaError(MedusaError.Types.INVALID_DATA, "Only questions can be answered or dismissed.", ChatErrorCodes.chat_not_a_question)
        }
        const answer = input.action === "answer" ? input.answer_text : null
        const { rows } = await trx.raw(
          `update live_chat_message set question_state = ?, answer_text = ?, answered_by = ?, answered_at = ?, updated_at = ? where id = ? returning ${MESSAGE_COLUMNS}`,
          [input.action === "answer" ? "answered" : "dismissed", answer, input.actor, now, now, message.id]
        )
        const updated = toChatMessage(rows[0])
        target_customer_id = message.customer_id
        detail = answer ? { answer_text: answer } : null
        out.result = { message: updated }
        out.updates.push({ show_id: show_id!, event: "chat:question_answered", payload: { show_id: show_id!, message: updated } })
        break
      }
      case "add_moderator": {
        const id = generateEntityId(undefined, "chmod")
        await trx.raw(
          `insert into live_chat_moderator (id, show_id, customer_id, added_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?)
           on conflict (show_id, customer_id) where deleted_at is null do nothing`,
          [id, show_id, input.customer_id, input.actor, now, now]
        )
        out.result = { customer_id: input.customer_id, show_id }
        break
      }
      case "remove_moderator": {
        const { rowCount } = await trx.raw(`update live_chat_moderator set deleted_at = ? where show_id = ? and customer_id = ? and deleted_at is null`, [
          now, show_id, input.customer_id,
        ])
        if (!rowCount) {
          throw notFound("not_found", `Customer ${input.customer_id} is not a moderator of this show.`)
        }
        out.result = { customer_id: input.customer_id, deleted: true }
        break
      }
      case "add_blocked_word": {
        const word = input.word.trim().toLocaleLowerCase()
        const id = generateEntityId(undefined, "chword")
        await trx.raw(`insert into live_chat_blocked_word (id, show_id, word, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?)`, [
          id, show_id, word, input.actor, now, now,
        ])
        detail = { word }
        out.result = { blocked_word: { id, show_id, word } }
        break
      }
      case "remove_blocked_word": {
        const { rows } = await trx.raw(
          `update live_chat_blocked_word set deleted_at = ? where id = ? and ${show_id ? "show_id = ?" : "show_id is null"} and deleted_at is null returning word`,
          show_id ? [now, input.word_id, show_id] : [now, input.word_id]
        )
        if (!rows.length) {
          throw notFound("not_found", `Blocked word ${input.word_id} not found.`)
        }
        detail = { word: rows[0].word, id: input.word_id }
        out.result = { id: input.word_id, deleted: true }
        break
      }
      case "set_slow_mode": {
        await trx.raw(`update live_chat_room set slow_mode_seconds = ?, updated_at = ? where id = ?`, [input.seconds, now, room!.id])
        detail = { seconds: input.seconds }
        out.result = { slow_mode_seconds: input.seconds }
        out.updates.push({ show_id: show_id!, event: "chat:slow_mode", payload: { show_id: show_id!, slow_mode_seconds: input.seconds } })
        break
      }
    }
    await trx.raw(
      `insert into live_chat_moderation_log (id, show_id, seller_id, actor, action, target_customer_id, target_message_id, detail, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        generateEntityId(undefined, "chlog"),
        show_id,
        input.seller_id,
        input.actor,
        input.action satisfies ChatModerationAction,
        target_customer_id,
        target_message_id,
        detail ? JSON.stringify(detail) : null,
        now,
        now,
      ]
    )
    return out
  }

  /**
   * History newest first (`before`: a seq cursor), or catch-up oldest first (`after_seq`). Deleted
   * messages are gone; with `deleted_since`, `deleted` lists those deleted since then (at most
   * 500, oldest first), so a viewer back from a disconnect can take them off the screen.
   */
  @InjectManager()
  async listChatPage(
    query: { show_id: string; after_seq?: number; before?: number; limit: number; deleted_since?: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ messages: ChatMessageDTO[]; next_cursor: string | null; last_seq: number; deleted?: { message_id: string; seq: number }[] }> {
    const knex = this.knex_(sharedContext.manager)
    const catchUp = query.after_seq !== undefined
    const q = knex("live_chat_message")
      .select(knex.raw(MESSAGE_COLUMNS))
      .where({ show_id: query.show_id })
      .whereNull("deleted_at")
      .limit(query.limit + 1)
    if (catchUp) {
      q.where("seq", ">", query.after_seq!).orderBy("seq", "asc")
    } else {
      if (query.before !== undefined) {
        q.where("seq", "<", query.before)
      }
      q.orderBy("seq", "desc")
    }
    const rows: MessageRow[] = await q
    const more = rows.length > query.limit
    const page = rows.slice(0, query.limit).map(toChatMessage)
    const room = await knex("live_chat_room").select("last_seq").where({ show_id: query.show_id }).first()
    const last = page.at(-1)
    const deleted =
      query.deleted_since === undefined
        ? undefined
        : ((await knex("live_chat_message")
            .select("id", "seq")
            .where({ show_id: query.show_id })
            .where("deleted_at", ">", new Date(query.deleted_since))
            .orderBy("deleted_at", "asc")
            .limit(500)) as { id: string; seq: number }[]).map((r) => ({ message_id: r.id, seq: Number(r.seq) }))
    return {
      messages: page,
      next_cursor: more && last ? String(last.seq) : null,
      last_seq: Number(room?.last_seq ?? 0),
      ...(deleted ? { deleted } : {}),
    }
  }

  /** What a viewer joining late needs: slow mode, the pinned message, the questions lane, the last seq. */
  @InjectManager()
  async chatSnapshot(show_id: string, @MedusaContext() sharedContext: Context = {}) {
    const knex = this.knex_(sharedContext.manager)
    const room = await knex("live_chat_room").where({ show_id }).first()
    const pinned = room?.pinned_message_id
      ? await knex("live_chat_message").select(knex.raw(MESSAGE_COLUMNS)).where({ id: room.pinned_message_id }).whereNull("deleted_at").first()
      : null
    const questions: MessageRow[] = await knex("live_chat_message")
      .select(knex.raw(MESSAGE_COLUMNS))
      .where({ show_id, kind: "question" })
      .whereIn("question_state", ["open", "answered"])
      .whereNull("deleted_at")
      .orderBy("seq", "desc")
      .limit(100)
    return {
      show_id,
      last_seq: Number(room?.last_seq ?? 0),
      slow_mode_seconds: Number(room?.slow_mode_seconds ?? 0),
      pinned: pinned ? toChatMessage(pinned) : null,
      questions: questions.map(toChatMessage),
    }
  }

  /** Forgets send answers older than a day (their keys can no longer be replayed). */
  @InjectManager()
  async pruneSendRequests(@MedusaContext() sharedContext: Context = {}): Promise<number> {
    return pruneSendRequests(this.knex_(sharedContext.manager))
  }

  /** Where a viewer stands in a show's chat: moderator, muted until, removed, blocked by its seller. */
  @InjectManager()
  async chatStanding(show_id: string, customer_id: string, seller_id: string | null, @MedusaContext() sharedContext: Context = {}) {
    const { rows } = await this.knex_(sharedContext.manager).raw(
      `select
         exists(select 1 from live_chat_moderator where show_id = ? and customer_id = ? and deleted_at is null) as moderator,
         (select max(until) from live_chat_mute where show_id = ? and customer_id = ? and deleted_at is null and until > now()) as muted_until,
         exists(select 1 from live_chat_removal where show_id = ? and customer_id = ? and deleted_at is null) as removed,
         exists(select 1 from live_chat_block where seller_id = ? and customer_id = ? and deleted_at is null) as blocked`,
      [show_id, customer_id, show_id, customer_id, show_id, customer_id, seller_id ?? "", customer_id]
    )
    const r = rows[0]
    return { moderator: !!r.moderator, muted_until: iso(r.muted_until), removed: !!r.removed, blocked: !!r.blocked }
  }

  /** Whether the customer moderates the show's chat. */
  @InjectManager()
  async isModerator(show_id: string, customer_id: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const row = await this.knex_(sharedContext.manager)("live_chat_moderator").where({ show_id, customer_id }).whereNull("deleted_at").first()
    return !!row
  }

  /** The show's chat row, made on first use and locked for this transaction (one writer per show at a time). */
  protected async lockRoom_(trx: Knex.Transaction, show_id: string, seller_id: string | null) {
    const now = new Date()
    await trx.raw(
      `insert into live_chat_room (id, show_id, seller_id, last_seq, slow_mode_seconds, created_at, updated_at)
       values (?, ?, ?, 0, 0, ?, ?) on conflict (show_id) where deleted_at is null do nothing`,
      [generateEntityId(undefined, "chroom"), show_id, seller_id, now, now]
    )
    const { rows } = await trx.raw(`select * from live_chat_room where show_id = ? and deleted_at is null for update`, [show_id])
    return rows[0] as { id: string; seller_id: string | null; last_seq: number; slow_mode_seconds: number; pinned_message_id: string | null }
  }

  protected async liveMessage_(trx: Knex.Transaction, show_id: string, id: string) {
    const { rows } = await trx.raw(`select ${MESSAGE_COLUMNS} from live_chat_message where id = ? and show_id = ? and deleted_at is null`, [id, show_id])
    if (!rows.length) {
      throw notFound(ChatErrorCodes.chat_message_not_found, `Message ${id} not found in this show.`)
    }
    return rows[0] as MessageRow
  }

  protected trx_(manager: unknown): Knex.Transaction {
    return (manager as SqlEntityManager).getTransactionContext<Knex.Transaction>()!
  }

  protected knex_(manager: unknown): Knex {
    return (manager as SqlEntityManager).getKnex()
  }
}

/** The state for deciding a send on the show alone (before any row is read or locked). */
function emptyState(show: SendChatMessageInput["show"]) {
  return { show, removed: false, blocked: false, muted_until: null, recent: [], slow_mode_seconds: 0, is_moderator: false, words: [] }
}
