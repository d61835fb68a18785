import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { chatShow } from "../../../../../utils/chat"
import { listChatRestrictions } from "../../../../../utils/chat-restrictions"

/**
 * The viewers restricted in this show now, newest first: running mutes, removals from the show
 * and the seller's blocks, each with the customer's name and who restricted them.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const show = await chatShow(req.scope, req.params.id)
  const restrictions = await listChatRestrictions(req.scope, { id: show.id, seller_id: show.seller_id ?? null })
  res.json({ restrictions })
}
