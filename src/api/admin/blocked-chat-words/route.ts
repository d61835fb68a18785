import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { chatService } from "../../utils/chat"
import { moderateChatWorkflow } from "../../../workflows/chat/workflows"

/** Platform-wide blocked words (staff): they apply in every show. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const blocked_words = await chatService(req.scope).listChatBlockedWords(
    { show_id: null },
    { select: ["id", "show_id", "word", "created_at"], order: { created_at: "ASC" }, take: 1000 }
  )
  res.json({ blocked_words })
}

/** Blocks a word (or phrase) in every show. */
export const POST = async (req: AuthenticatedMedusaRequest<{ word: string }>, res: MedusaResponse) => {
  const { result } = await moderateChatWorkflow(req.scope).run({
    input: { show_id: null, seller_id: null, actor: `user:${req.auth_context.actor_id}`, action: "add_blocked_word", word: req.validatedBody.word },
  })
  res.json(result)
}
