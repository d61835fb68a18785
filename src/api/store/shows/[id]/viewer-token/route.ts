import { randomUUID } from "node:crypto"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STREAMS_MODULE } from "../../../../../modules/streams"
import type StreamsModuleService from "../../../../../modules/streams/service"
import type { StoreViewerTokenResponse } from "../../../../../realtime/contract/store-api"

/**
 * A LiveKit token to watch a live show: subscribe-only, for the show's room only, short-lived
 * (`livekit.viewerTokenTtlSeconds`). A logged-in customer joins as `customer:<id>`, anyone else
 * as `viewer:<random>`.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreViewerTokenResponse>) => {
  const customerId = req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id : undefined
  const identity = customerId ? `customer:${customerId}` : `viewer:${randomUUID()}`
  res.json(await req.scope.resolve<StreamsModuleService>(STREAMS_MODULE).viewerToken(req.params.id, identity))
}
