import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { CHAT_MODULE } from "../../modules/chat"
import type ChatModuleService from "../../modules/chat/service"
import type { ModerationInput } from "../../modules/chat/service"
import { STREAMS_MODULE } from "../../modules/streams"
import type StreamsModuleService from "../../modules/streams/service"
import { CHAT_MAX_LENGTH, CHAT_MESSAGE_KINDS, ChatIdempotencyKey } from "../../realtime/contract/chat"
import { ChatErrorCodes } from "../../realtime/contract/errors"
import { moderateChatWorkflow } from "../../workflows/chat/workflows"
import { EntityId, IdParams, Text } from "./validators"

/*
 * The chat routes' shared parts: validators, the show a request names, and one handler for every
 * moderation action, whether the seller or staff call it from the Admin API or a moderator from
 * the Store API (same rules, same codes).
 */

export const ChatShowParams = IdParams("id")
export const ChatMessageParams = IdParams("id", "message_id")
export const ChatCustomerParams = IdParams("id", "customer_id")
export const ChatWordParams = IdParams("id", "word_id")

/** `POST …/chat/messages`: the text is checked by the chat rules (trimmed 1–500) so HTTP and socket share codes. */
export const StoreSendChatMessage = z
  .object({ text: Text(CHAT_MAX_LENGTH * 8), kind: z.enum(CHAT_MESSAGE_KINDS).optional(), idempotency_key: ChatIdempotencyKey.optional() })
  .strict()
export type StoreSendChatMessageType = z.infer<typeof StoreSendChatMessage>

/** History newest first (`before`: the `next_cursor` of the page before), or catch-up after a seq. */
export const StoreGetChatMessages = z
  .object({
    after_seq: z.coerce.number().int().min(0).max(2_000_000_000).optional(),
    before: z.coerce.number().int().min(1).max(2_000_000_000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    /** With catch-up: also list the messages deleted since this time (the last `server_time` seen). */
    deleted_since: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
export type StoreGetChatMessagesType = z.infer<typeof StoreGetChatMessages>

export const ChatMute = z.object({ customer_id: EntityId, duration_seconds: z.int().min(10).max(7 * 24 * 3600) }).strict()
export const ChatTarget = z.object({ customer_id: EntityId }).strict()
export const ChatPin = z.object({ message_id: EntityId }).strict()
export const ChatAnswer = z.object({ answer_text: Text(2000).pipe(z.string().trim().min(1)) }).strict()
export const ChatBlockedWordBody = z
  .object({ word: Text(100).pipe(z.string().trim().min(1).regex(/^[^\s]+( [^\s]+)*$/, "must be a word or phrase")) })
  .strict()
export const ChatSlowMode = z.object({ seconds: z.int().min(0).max(3600) }).strict()
export const ChatLogQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).max(1_000_000).default(0) }).strict()

export const chatService = (scope: MedusaContainer) => scope.resolve<ChatModuleService>(CHAT_MODULE)

/** The show a chat request names (cancelled shows are gone for viewers), or a 404. */
export async function chatShow(scope: MedusaContainer, id: string, { viewer = false } = {}) {
  const [show] = await scope.resolve<StreamsModuleService>(STREAMS_MODULE).listShows({ id }, { select: ["id", "status", "seller_id"] })
  if (!show || (viewer && show.status === "cancelled")) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Show ${id} not found`, ChatErrorCodes.chat_show_not_found)
  }
  return show
}

/** A page of a show's chat (history or catch-up), with the server's clock taken before the read. */
export async function chatPage(req: MedusaRequest) {
  const query = req.validatedQuery as StoreGetChatMessagesType
  const server_time = new Date().toISOString()
  await chatShow(req.scope, req.params.id, { viewer: true })
  const page = await chatService(req.scope).listChatPage({ show_id: req.params.id, ...query })
  return { ...page, limit: query.limit, server_time }
}

/** A show's chat snapshot (pin, questions, slow mode, last seq), with the server's clock taken before the read. */
export async function chatSnapshotAnswer(req: MedusaRequest, customerId?: string) {
  const server_time = new Date().toISOString()
  const show = await chatShow(req.scope, req.params.id, { viewer: true })
  const chat = chatService(req.scope)
  const [snapshot, you] = await Promise.all([
    chat.chatSnapshot(req.params.id),
    customerId ? chat.chatStanding(req.params.id, customerId, show.seller_id ?? null) : null,
  ])
  return { chat: you ? { ...snapshot, you } : snapshot, server_time }
}

type AuthRequest = MedusaRequest & { auth_context?: { actor_id?: string; actor_type?: string } }

/** Middleware (Store moderation routes): the customer must moderate the show's chat, else a 403. */
export async function requireChatModerator(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const customerId = (req as AuthRequest).auth_context?.actor_id
    await chatShow(req.scope, req.params.id, { viewer: true })
    if (!customerId || !(await chatService(req.scope).isModerator(req.params.id, customerId))) {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, "Only the show's moderators may do this.", ChatErrorCodes.chat_not_moderator)
    }
    next()
  } catch (err) {
    next(err)
  }
}

type ActionOf<A extends ModerationInput["action"]> = Omit<Extract<ModerationInput, { action: A }>, "show_id" | "seller_id" | "actor">
type AnyAction = { [A in ModerationInput["action"]]: ActionOf<A> & { action: A } }[ModerationInput["action"]]

/**
 * A route handler for one moderation action on the show `:id`: the actor is the calling admin
 * user (`user:<id>`) or moderator (`customer:<id>`); a customer named must exist.
 */
export function moderationRoute(build: (req: MedusaRequest) => AnyAction, status = 200) {
  return async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
    const show = await chatShow(req.scope, req.params.id)
    const action = build(req)
    if ("customer_id" in action && ["mute", "unmute", "remove", "unremove", "block", "unblock", "add_moderator"].includes(action.action)) {
      const [customer] = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: action.customer_id }, { select: ["id"] })
      if (!customer) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Customer ${action.customer_id} not found`, ChatErrorCodes.chat_customer_not_found)
      }
    }
    const actor = `${req.auth_context.actor_type === "customer" ? "customer" : "user"}:${req.auth_context.actor_id}`
    const { result } = await moderateChatWorkflow(req.scope).run({
      input: { ...action, show_id: show.id, seller_id: show.seller_id, actor } as ModerationInput,
    })
    res.status(status).json(result)
  }
}

/** The moderation handlers the Store (moderators) and Admin (seller, staff) routes share. */
export const chatActions = {
  deleteMessage: moderationRoute((req) => ({ action: "delete_message", message_id: req.params.message_id })),
  answer: moderationRoute((req) => ({
    action: "answer",
    message_id: req.params.message_id,
    answer_text: (req.validatedBody as { answer_text: string }).answer_text,
  })),
  dismiss: moderationRoute((req) => ({ action: "dismiss", message_id: req.params.message_id })),
  pin: moderationRoute((req) => ({ action: "pin", message_id: (req.validatedBody as { message_id: string }).message_id })),
  unpin: moderationRoute(() => ({ action: "unpin" })),
  mute: moderationRoute((req) => ({ action: "mute", ...(req.validatedBody as { customer_id: string; duration_seconds: number }) })),
  unmute: moderationRoute((req) => ({ action: "unmute", customer_id: req.params.customer_id })),
  remove: moderationRoute((req) => ({ action: "remove", customer_id: (req.validatedBody as { customer_id: string }).customer_id })),
  unremove: moderationRoute((req) => ({ action: "unremove", customer_id: req.params.customer_id })),
  block: moderationRoute((req) => ({ action: "block", customer_id: (req.validatedBody as { customer_id: string }).customer_id })),
  unblock: moderationRoute((req) => ({ action: "unblock", customer_id: req.params.customer_id })),
  addModerator: moderationRoute((req) => ({ action: "add_moderator", customer_id: (req.validatedBody as { customer_id: string }).customer_id })),
  removeModerator: moderationRoute((req) => ({ action: "remove_moderator", customer_id: req.params.customer_id })),
  addWord: moderationRoute((req) => ({ action: "add_blocked_word", word: (req.validatedBody as { word: string }).word })),
  removeWord: moderationRoute((req) => ({ action: "remove_blocked_word", word_id: req.params.word_id })),
  slowMode: moderationRoute((req) => ({ action: "set_slow_mode", seconds: (req.validatedBody as { seconds: number }).seconds })),
}
