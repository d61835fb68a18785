import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { queryList } from "../../utils/query-graph"
import type { AdminGetLotOffersType } from "../auctions/validators"

/**
 * Settlement for staff: offers to pay for sold lots (winners' and runner-ups'), newest first,
 * filtered by lot, customer, show or status. A lot's own state is `settlement_status` on it.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetLotOffersType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as AdminGetLotOffersType
  const { rows, count } = await queryList(req.scope, {
    entity: "lot_offer",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
    money: ["amount"],
  })
  res.json({ lot_offers: rows, count, offset, limit })
}
