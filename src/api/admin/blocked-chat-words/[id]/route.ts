import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { moderateChatWorkflow } from "../../../../workflows/chat/workflows"

/** Lifts a platform-wide blocked word. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await moderateChatWorkflow(req.scope).run({
    input: { show_id: null, seller_id: null, actor: `user:${req.auth_context.actor_id}`, action: "remove_blocked_word", word_id: req.params.id },
  })
  res.json(result)
}
