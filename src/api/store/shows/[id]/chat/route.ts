import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { chatSnapshotAnswer } from "../../../../utils/chat"

/**
 * A show's chat as a viewer joining now needs it: slow mode, the pinned message, the questions
 * lane (open and answered, with answers) and the last seq (follow `chat:message` from there).
 * A logged-in viewer also gets `you`: moderator, muted until, removed, blocked by the seller.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await chatSnapshotAnswer(req, req.auth_context?.actor_id))
}
