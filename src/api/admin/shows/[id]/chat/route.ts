import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { chatSnapshotAnswer } from "../../../../utils/chat"

/** The show's chat for its moderation panel: slow mode, the pinned message, the questions lane, the last seq. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json(await chatSnapshotAnswer(req))
}
