import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { VideoErrorCodes } from "../../realtime/contract/errors"

/**
 * A handler whose LiveKit call failed answers 503 `video_unavailable` (LiveKit away: retry), not
 * Medusa's 500; everything else goes to Medusa's error handler as usual.
 */
export function withVideoErrors<Req extends MedusaRequest, Res extends MedusaResponse>(handler: (req: Req, res: Res) => Promise<void>) {
  return async (req: Req, res: Res) => {
    try {
      await handler(req, res)
    } catch (err) {
      const e = err as { code?: string; type?: string; message?: string }
      if (e?.code === VideoErrorCodes.video_unavailable) {
        res.status(503).json({ code: e.code, type: e.type, message: e.message })
        return
      }
      throw err
    }
  }
}
