import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AUCTIONS_MODULE } from "../../../../modules/auctions"
import type AuctionsModuleService from "../../../../modules/auctions/service"
import { STREAMS_MODULE } from "../../../../modules/streams"
import type StreamsModuleService from "../../../../modules/streams/service"
import type { StoreLiveConfigResponse } from "../../../../types/http/live-config"

/**
 * Tells a storefront where the realtime server is and which live features are on.
 * Public (publishable key only) and free of secrets: it is fetched before login.
 *
 * Video is "livekit" when LiveKit is configured (viewer tokens are issued; `video.livekit_url` is
 * where clients connect), else "external" (shows carry a playback URL).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse<StoreLiveConfigResponse>) => {
  const auctions: AuctionsModuleService = req.scope.resolve(AUCTIONS_MODULE)
  const options = await auctions.getOptions()
  const video = await req.scope.resolve<StreamsModuleService>(STREAMS_MODULE).videoConfig()

  res.json({
    config: {
      realtime: { url: options.realtime.url, path: options.realtime.path },
      features: { auctions: true, video: video ? "livekit" : "external" },
      video: video ? { livekit_url: video.livekit_url } : null,
      auctions: {
        increments: options.auctions.increments,
        soft_close_seconds: options.auctions.softCloseSeconds,
      },
      server_time: new Date().toISOString(),
    },
  })
}
