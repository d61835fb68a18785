import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { auctionsService } from "../../../auctions/helpers"
import type { StoreGetBidsType } from "../../../auctions/validators"

/** The logged-in customer's own bids, newest first, with their own amounts and the lot's state. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetBidsType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as StoreGetBidsType
  const auctions = auctionsService(req.scope)
  const [bids, count] = await auctions.listAndCountBids(
    { customer_id: req.auth_context.actor_id },
    { order: { created_at: "DESC" }, skip: offset, take: limit, relations: ["auction"] }
  )
  res.json({
    bids: bids.map((bid) => ({
      id: bid.id,
      auction_id: bid.auction.id,
      auction_title: bid.auction.title,
      auction_status: bid.auction.status,
      kind: bid.kind,
      amount: Number(bid.amount),
      price_after: Number(bid.price_after),
      outcome: bid.outcome,
      is_prebid: bid.is_prebid,
      seq: bid.seq,
      created_at: bid.created_at,
      leading: bid.auction.leader_customer_id === req.auth_context.actor_id,
      won: bid.auction.winner_customer_id === req.auth_context.actor_id,
    })),
    count,
    offset,
    limit,
  })
}
