import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { streamsService } from "../../admin/shows/helpers"
import { STORE_SHOW_FIELDS, STORE_SHOW_STATUSES } from "./helpers"
import type { StoreGetShowsType } from "./validators"

/** Shows viewers can find: live and upcoming (soonest first) and past ones; never cancelled ones. */
export const GET = async (req: MedusaRequest<unknown, StoreGetShowsType>, res: MedusaResponse) => {
  const { status, seller_id, limit, offset } = req.validatedQuery as StoreGetShowsType
  const filters: Record<string, unknown> = { status: status ?? [...STORE_SHOW_STATUSES] }
  if (seller_id) {
    filters.seller_id = seller_id
  }
  const [shows, count] = await streamsService(req.scope).listAndCountShows(filters, {
    select: [...STORE_SHOW_FIELDS],
    skip: offset,
    take: limit,
    order: { scheduled_at: "ASC", created_at: "ASC" },
  })
  res.json({ shows, count, offset, limit, server_time: new Date().toISOString() })
}
