import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { chatService, chatShow, type StoreGetChatMessagesType, type StoreSendChatMessageType } from "../../../../../utils/chat"
import { sendChatMessageWorkflow } from "../../../../../../workflows/chat/workflows"

/**
 * Sends a chat message as the logged-in customer: 200 with the stored message (it reaches the
 * show's room as `chat:message`), or a refusal with its `code` (and `retry_after_ms` for slow
 * mode, the rate limit and mutes; `rule` for a blocked word), nothing stored. The sidecar's
 * `chat:send` calls this route, so the socket answers the same.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreSendChatMessageType>, res: MedusaResponse) => {
  const { result } = await sendChatMessageWorkflow(req.scope).run({
    input: { show_id: req.params.id, customer_id: req.auth_context.actor_id, text: req.validatedBody.text, kind: req.validatedBody.kind ?? "message" },
  })
  if (!result.ok) {
    const { ok: _ok, status, ...body } = result
    res.status(status).json(body)
    return
  }
  res.json({ message: result.message })
}

/**
 * History newest first, `limit` per page, older pages with `?before=<next_cursor>`; or, after a
 * reconnect, `?after_seq=<last seq seen>`: what came since, oldest first. Deleted messages are gone.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = req.validatedQuery as StoreGetChatMessagesType
  await chatShow(req.scope, req.params.id, { viewer: true })
  const page = await chatService(req.scope).listChatPage({ show_id: req.params.id, ...query })
  res.json({ ...page, limit: query.limit })
}
