import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STREAMS_MODULE } from "../../../../../modules/streams"
import type StreamsModuleService from "../../../../../modules/streams/service"
import type { AdminPublisherTokenResponse } from "../../../../../realtime/contract/admin-api"
import { liveActor } from "../../../../utils/live-actor"

/** The seller's LiveKit token to publish the show from the browser (the show's seller or staff; `seller:<user id>`). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminPublisherTokenResponse>) => {
  const { user_id } = await liveActor(req)
  res.json(await req.scope.resolve<StreamsModuleService>(STREAMS_MODULE).publisherToken(req.params.id, `seller:${user_id}`))
}
