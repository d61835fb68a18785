import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { chatPage, type StoreSendChatMessageType } from "../../../../../utils/chat"
import { sendChatMessageWorkflow } from "../../../../../../workflows/chat/workflows"

/**
 * Sends a chat message as the logged-in customer: 200 with the stored message (it reaches the
 * show's room as `chat:message`), or a refusal with its `code` (and `retry_after_ms` for slow
 * mode, the rate limit and mutes; `rule` for a blocked word), nothing stored. The sidecar's
 * `chat:send` calls this route, so the socket answers the same. A retry with the same
 * `idempotency_key` gets the first answer again, status and body, marked `Idempotent-Replayed:
 * true` (Stripe's rule); the key reused for another message is a 422 `idempotency_conflict`.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreSendChatMessageType>, res: MedusaResponse) => {
  const { text, kind, idempotency_key } = req.validatedBody
  const { result } = await sendChatMessageWorkflow(req.scope).run({
    input: { show_id: req.params.id, customer_id: req.auth_context.actor_id, text, kind: kind ?? "message", idempotency_key },
  })
  if (result.replayed) {
    res.setHeader("Idempotent-Replayed", "true")
  }
  if (!result.ok) {
    const { ok: _ok, status, replayed: _replayed, ...body } = result
    res.status(status).json(body)
    return
  }
  res.json({ message: result.message })
}

/**
 * History newest first, `limit` per page, older pages with `?before=<next_cursor>`; or, after a
 * reconnect, `?after_seq=<last seq seen>`: what came since, oldest first. Deleted messages are gone;
 * `&deleted_since=<the server_time last seen>` also lists those deleted since (`deleted`).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json(await chatPage(req))
}
