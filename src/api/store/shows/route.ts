import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { queryList } from "../../utils/query-graph"
import { STORE_SHOW_STATUSES } from "./helpers"
import type { StoreGetShowsType } from "./validators"

/** Shows viewers can find: live and upcoming (soonest first) and past ones; never cancelled ones. */
export const GET = async (req: MedusaRequest<unknown, StoreGetShowsType>, res: MedusaResponse) => {
  const { status, seller_id, limit, offset } = req.validatedQuery as StoreGetShowsType
  const { rows, count } = await queryList(req.scope, {
    entity: "show",
    fields: req.queryConfig.fields,
    filters: { status: status ?? [...STORE_SHOW_STATUSES], ...(seller_id ? { seller_id } : {}) },
    pagination: { skip: offset, take: limit, order: { scheduled_at: "ASC", created_at: "ASC" } },
  })
  res.json({ shows: rows, count, offset, limit, server_time: new Date().toISOString() })
}
