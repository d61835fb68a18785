import type { MedusaContainer } from "@medusajs/framework/types"
import { chatNames, type ChatCustomerName } from "./chat-names"
import { chatService } from "./chat"

export const CHAT_RESTRICTION_KINDS = ["mute", "removal", "block"] as const

/** A viewer held back in a show's chat, as `GET /admin/shows/:id/chat/restrictions` lists them. */
export type ChatRestriction = {
  kind: (typeof CHAT_RESTRICTION_KINDS)[number]
  customer_id: string
  /** Null if the customer no longer exists. */
  customer: ChatCustomerName | null
  /** Mutes only: when it ends. */
  until: string | null
  /** `user:<id>` or `customer:<id>` (a moderator), and how the panel names them. */
  created_by: string
  created_by_name: string
  created_at: string
}

// More than any show's panel can use; the oldest past it are left off (the list is newest first).
const MAX_EACH = 500

type Row = { customer_id: string; created_by: string; created_at: Date | string; until?: Date | string }

/**
 * The viewers restricted in a show now, newest first: its running mutes (one per viewer: the one
 * ending last, which is what holds them), its removals, and the blocks of its seller (they apply
 * to every show of theirs). Lifted records are soft-deleted, so they are not read.
 */
export async function listChatRestrictions(scope: MedusaContainer, show: { id: string; seller_id: string | null }): Promise<ChatRestriction[]> {
  const chat = chatService(scope)
  const select = ["customer_id", "created_by", "created_at"]
  const [mutes, removals, blocks] = await Promise.all([
    chat.listChatMutes({ show_id: show.id, until: { $gt: new Date() } }, { select: [...select, "until"], order: { until: "DESC" }, take: MAX_EACH }),
    chat.listChatRemovals({ show_id: show.id }, { select, order: { created_at: "DESC" }, take: MAX_EACH }),
    show.seller_id ? chat.listChatBlocks({ seller_id: show.seller_id }, { select, order: { created_at: "DESC" }, take: MAX_EACH }) : [],
  ])
  const latestMutes = [...new Map((mutes as Row[]).reverse().map((m) => [m.customer_id, m])).values()]
  const rows: { kind: ChatRestriction["kind"]; r: Row }[] = [
    ...latestMutes.map((r) => ({ kind: "mute" as const, r })),
    ...(removals as Row[]).map((r) => ({ kind: "removal" as const, r })),
    ...(blocks as Row[]).map((r) => ({ kind: "block" as const, r })),
  ]
  const names = await chatNames(scope, { customers: rows.map(({ r }) => r.customer_id), actors: rows.map(({ r }) => r.created_by) })
  return rows
    .map(({ kind, r }) => ({
      kind,
      customer_id: r.customer_id,
      customer: names.customer(r.customer_id),
      until: r.until ? new Date(r.until).toISOString() : null,
      created_by: r.created_by,
      created_by_name: names.actor(r.created_by),
      created_at: new Date(r.created_at).toISOString(),
    }))
    .sort((a, b) => b.created_at.localeCompare(a.created_at))
}
