import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { queryStoreLots } from "./public-lots"
import type { StoreGetAuctionsType } from "./validators"

/** Lots, by show and status, soonest ending first (`?fields=` as on Medusa's routes; see query-config.ts). */
export const GET = async (req: MedusaRequest<unknown, StoreGetAuctionsType>, res: MedusaResponse) => {
  const { show_id, status, limit, offset } = req.validatedQuery as StoreGetAuctionsType
  // Drafts are the seller's business until they are scheduled or started.
  const visible = (status ?? ["scheduled", "live", "sold", "unsold"]).filter((s) => s !== "draft")
  const { lots, count } = await queryStoreLots(req.scope, {
    fields: req.queryConfig.fields,
    filters: { status: visible, ...(show_id ? { show_id } : {}) },
    pagination: { skip: offset, take: limit, order: { ends_at: "ASC", scheduled_at: "ASC", created_at: "ASC", id: "ASC" } },
  })
  res.json({ auctions: lots, count, offset, limit, server_time: new Date().toISOString() })
}
