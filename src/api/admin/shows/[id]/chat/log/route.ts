import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { chatService, chatShow } from "../../../../../utils/chat"
import { chatNames } from "../../../../../utils/chat-names"

/**
 * The show's moderation log, newest first: who did what, when, to whom or which message. Each
 * entry keeps its ids and adds names: `actor_name` (an admin user's email, a moderator's name)
 * and `target_customer_name`.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await chatShow(req.scope, req.params.id)
  const { limit, offset } = req.validatedQuery as { limit: number; offset: number }
  const [entries, count] = await chatService(req.scope).listAndCountChatModerationLogs(
    { show_id: req.params.id },
    {
      select: ["id", "show_id", "seller_id", "actor", "action", "target_customer_id", "target_message_id", "detail", "created_at"],
      order: { created_at: "DESC" },
      skip: offset,
      take: limit,
    }
  )
  const names = await chatNames(req.scope, { customers: entries.map((e) => e.target_customer_id), actors: entries.map((e) => e.actor) })
  const named = entries.map((e) => ({
    ...e,
    actor_name: names.actor(e.actor),
    target_customer_name: names.customer(e.target_customer_id)?.name ?? null,
  }))
  res.json({ entries: named, count, limit, offset })
}
