import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import jwt from "jsonwebtoken"
import { AUCTIONS_MODULE } from "../../../../modules/auctions"
import type AuctionsModuleService from "../../../../modules/auctions/service"
import type { AdminRealtimeTokenResponse } from "../../../../realtime/contract/admin-api"
import { liveActor } from "../../../utils/live-actor"

/** Long enough to open the socket (and reconnect for a while); the Admin asks again after that. */
export const REALTIME_TOKEN_SECONDS = 300

/**
 * A short-lived token for the realtime sidecar: the Admin logs in with a session cookie, which a
 * socket on another origin cannot send. HS256 with Medusa's JWT secret, as the sidecar verifies
 * every token; `live_role: "staff"` lets platform staff watch any seller's console room.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminRealtimeTokenResponse>) => {
  const { user_id, seller } = await liveActor(req)
  const secret = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.jwtSecret
  if (typeof secret !== "string" || !secret) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Realtime tokens need http.jwtSecret (a shared HS256 secret)")
  }
  const expiresAt = Math.floor(Date.now() / 1000) + REALTIME_TOKEN_SECONDS
  const token = jwt.sign(
    { actor_type: "user", actor_id: user_id, live_role: seller ? "seller" : "staff", exp: expiresAt },
    secret,
    { algorithm: "HS256" }
  )
  const options = await (req.scope.resolve(AUCTIONS_MODULE) as AuctionsModuleService).getOptions()
  res.json({ token, expires_at: new Date(expiresAt * 1000).toISOString(), realtime_url: options.realtime.url })
}
