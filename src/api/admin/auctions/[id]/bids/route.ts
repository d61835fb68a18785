import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { queryList } from "../../../../utils/query-graph"
import { retrieveAdminAuction } from "../../helpers"
import type { AdminGetBidsType } from "../../validators"

/** Full bid history for staff: customers, maxes, every run; newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetBidsType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as AdminGetBidsType
  await retrieveAdminAuction(req.scope, req.params.id, ["id"])
  const { rows, count } = await queryList(req.scope, {
    entity: "bid",
    fields: req.queryConfig.fields,
    filters: { auction_id: req.params.id },
    pagination: { skip: offset, take: limit, order: { seq: "DESC" } },
    money: ["amount", "price_after"],
  })
  res.json({ bids: rows, count, offset, limit })
}
