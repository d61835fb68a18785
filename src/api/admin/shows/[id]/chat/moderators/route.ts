import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { chatActions, chatService, chatShow } from "../../../../../utils/chat"

/** The show's moderators (customers who moderate from the viewer page). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await chatShow(req.scope, req.params.id)
  const moderators = await chatService(req.scope).listChatModerators(
    { show_id: req.params.id },
    { select: ["customer_id", "added_by", "created_at"], order: { created_at: "ASC" }, take: 200 }
  )
  res.json({ moderators })
}

/** Makes a customer a moderator of the show. */
export const POST = chatActions.addModerator
