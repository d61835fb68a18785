import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { liveActor, sellerFilter } from "../../utils/live-actor"
import { queryList } from "../../utils/query-graph"
import type { AdminGetLotOffersType } from "../auctions/validators"

/**
 * Settlement: offers to pay for sold lots (winners' and runner-ups'), newest first, filtered by
 * lot, customer, show, order, status and (staff) seller; a seller sees only theirs. A lot's own
 * state is `settlement_status` on it.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetLotOffersType>, res: MedusaResponse) => {
  const { limit, offset, seller_id, auction_id, customer_id, show_id, status, order_id } = req.validatedQuery as AdminGetLotOffersType
  const { rows, count } = await queryList(req.scope, {
    entity: "lot_offer",
    fields: req.queryConfig.fields,
    filters: {
      ...sellerFilter(await liveActor(req), seller_id),
      ...(auction_id ? { auction_id } : {}),
      ...(customer_id ? { customer_id } : {}),
      ...(show_id ? { show_id } : {}),
      ...(status ? { status } : {}),
      ...(order_id ? { order_id } : {}),
    },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
    money: ["amount"],
  })
  res.json({ lot_offers: rows, count, offset, limit })
}
