import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { auctionsService } from "./helpers"
import type { StoreGetAuctionsType } from "./validators"

/** Lots, by show and status, soonest ending first. */
export const GET = async (req: MedusaRequest<unknown, StoreGetAuctionsType>, res: MedusaResponse) => {
  const { show_id, status, limit, offset } = req.validatedQuery as StoreGetAuctionsType
  // Drafts are the seller's business until they are scheduled or started.
  const visible = (status ?? ["scheduled", "live", "sold", "unsold"]).filter((s) => s !== "draft")
  const { lots, count } = await auctionsService(req.scope).listPublicLots(
    { show_id, status: visible },
    { skip: offset, take: limit }
  )
  res.json({ auctions: lots, count, offset, limit, server_time: new Date().toISOString() })
}
