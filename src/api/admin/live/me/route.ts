import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminLiveMeResponse } from "../../../../realtime/contract/admin-api"
import { liveActor } from "../../../utils/live-actor"

/** Who the Admin is talking to: `{ user_id, role: "staff" | "seller", seller }`. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminLiveMeResponse>) => {
  const { user_id, seller } = await liveActor(req)
  res.json({ user_id, role: seller ? "seller" : "staff", seller })
}
