import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { chatService, chatShow } from "../../../../utils/chat"

/**
 * A show's chat as a viewer joining now needs it: slow mode, the pinned message, the questions
 * lane (open and answered, with answers) and the last seq (follow `chat:message` from there).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await chatShow(req.scope, req.params.id, { viewer: true })
  const chat = await chatService(req.scope).chatSnapshot(req.params.id)
  res.json({ chat, server_time: new Date().toISOString() })
}
