import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { chatService, chatShow } from "../../../../../utils/chat"

/** The show's moderation log, newest first: who did what, when, to whom or which message. */
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
  res.json({ entries, count, limit, offset })
}
