import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STREAMS_MODULE } from "../../../../../modules/streams"
import type StreamsModuleService from "../../../../../modules/streams/service"
import type { AdminShowIngressResponse } from "../../../../../realtime/contract/admin-api"
import { withVideoErrors } from "../../../../utils/video-errors"
import type { AdminCreateIngressType } from "../../validators"

/** The show's OBS ingress (URL and stream key), or null when none was made. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminShowIngressResponse>) => {
  res.json({ ingress: await req.scope.resolve<StreamsModuleService>(STREAMS_MODULE).getIngress(req.params.id) })
}

/** An RTMP or WHIP ingress for OBS, made in LiveKit once per show (another type replaces it). */
export const POST = withVideoErrors(
  async (req: AuthenticatedMedusaRequest<AdminCreateIngressType>, res: MedusaResponse<AdminShowIngressResponse>) => {
    const streams = req.scope.resolve<StreamsModuleService>(STREAMS_MODULE)
    res.json({ ingress: await streams.createIngress(req.params.id, req.validatedBody.type) })
  }
)
