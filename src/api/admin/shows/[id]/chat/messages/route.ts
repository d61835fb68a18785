import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { chatPage } from "../../../../../utils/chat"

/** The show's chat for its moderation panel: history newest first with a cursor, or catch-up after a seq (as the Store route). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json(await chatPage(req))
}
