import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { liveActor } from "../../utils/live-actor"
import { queryList } from "../../utils/query-graph"
import { bidForActor } from "../auctions/helpers"
import type { AdminGetAllBidsType } from "../auctions/validators"

/**
 * Bids across lots, newest first, by customer or lot: staff see every bid and its max, a seller
 * the bids on their own lots, without maxes.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetAllBidsType>, res: MedusaResponse) => {
  const { customer_id, auction_id, limit, offset } = req.validatedQuery as AdminGetAllBidsType
  const actor = await liveActor(req)
  const { rows, count } = await queryList(req.scope, {
    entity: "bid",
    fields: req.queryConfig.fields,
    filters: {
      ...(customer_id ? { customer_id } : {}),
      ...(auction_id ? { auction_id } : {}),
      // The lot is in the same module: Query filters bids by their lot's seller in one statement.
      ...(actor.seller ? { auction: { seller_id: actor.user_id } } : {}),
    },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
    money: ["amount", "price_after"],
  })
  res.json({ bids: rows.map((bid) => bidForActor(actor, bid)), count, offset, limit })
}
