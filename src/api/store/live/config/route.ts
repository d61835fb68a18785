import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AUCTIONS_MODULE } from "../../../../modules/auctions"
import type AuctionsModuleService from "../../../../modules/auctions/service"
import type { StoreLiveConfigResponse } from "../../../../types/http/live-config"

/**
 * Tells a storefront where the realtime server is and which live features are on.
 * Public (publishable key only) and free of secrets: it is fetched before login.
 *
 * Video is "external" (shows carry a playback URL) even with LiveKit configured: the config says
 * only what a storefront can use, and nothing issues LiveKit viewer tokens yet.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse<StoreLiveConfigResponse>) => {
  const auctions: AuctionsModuleService = req.scope.resolve(AUCTIONS_MODULE)
  const options = await auctions.getOptions()

  res.json({
    config: {
      realtime: { url: options.realtime.url, path: options.realtime.path },
      features: { auctions: true, video: "external" },
      video: null,
      auctions: {
        increments: options.auctions.increments,
        soft_close_seconds: options.auctions.softCloseSeconds,
      },
      server_time: new Date().toISOString(),
    },
  })
}
