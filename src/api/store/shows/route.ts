import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { queryList } from "../../utils/query-graph"
import { STORE_SHOW_STATUSES, videoQueryFields, withVideo } from "./helpers"
import { showOrder } from "../../admin/shows/validators"
import type { StoreGetShowsType } from "./validators"

/** Shows viewers can find: live and upcoming (soonest first) and past ones; never cancelled ones. `order=-ended_at`: latest replays first. */
export const GET = async (req: MedusaRequest<unknown, StoreGetShowsType>, res: MedusaResponse) => {
  const { status, seller_id, order, limit, offset } = req.validatedQuery as StoreGetShowsType
  const fields = videoQueryFields(req.queryConfig.fields)
  const { rows, count } = await queryList(req.scope, {
    entity: "show",
    fields: fields.query,
    filters: { status: status ?? [...STORE_SHOW_STATUSES], ...(seller_id ? { seller_id } : {}) },
    pagination: { skip: offset, take: limit, order: showOrder(order, { scheduled_at: "ASC", created_at: "ASC" }) },
  })
  const shows = req.queryConfig.fields.includes("video") ? await withVideo(req.scope, rows, fields.extra) : rows
  res.json({ shows, count, offset, limit, server_time: new Date().toISOString() })
}
