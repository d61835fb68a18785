import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { chatActions, chatService, chatShow } from "../../../../../utils/chat"

/** The show's own blocked words (the platform's apply too: `/admin/blocked-chat-words`). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await chatShow(req.scope, req.params.id)
  const blocked_words = await chatService(req.scope).listChatBlockedWords(
    { show_id: req.params.id },
    { select: ["id", "show_id", "word", "created_at"], order: { created_at: "ASC" }, take: 1000 }
  )
  res.json({ blocked_words })
}

/** Blocks a word (or phrase) in this show: messages containing it are refused `chat_blocked_word`. */
export const POST = chatActions.addWord
