import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { relayInBackground } from "../../../../../lib/auction-relay"
import { bidderHandle } from "../../../../../modules/auctions/lib/lot-row"
import { auctionsService, retrieveVisibleLot } from "../../helpers"
import type { StoreGetBidsType, StorePlaceBidType } from "../../validators"

/**
 * Places a bid: a straight amount, a max (proxy) amount, or buy-now.
 * 200 with the decision and the lot's new state, or 400 with a machine `code` and the current state.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StorePlaceBidType>, res: MedusaResponse) => {
  const auctions = auctionsService(req.scope)
  const customerId = req.auth_context.actor_id
  const body = req.validatedBody

  const result = await auctions.placeBid({
    auction_id: req.params.id,
    customer_id: customerId,
    kind: body.buy_now ? "buy_now" : body.max_amount !== undefined ? "max" : "straight",
    amount: body.max_amount ?? body.amount ?? 0,
    idempotency_key: body.idempotency_key,
  })

  if (!result.accepted) {
    const status = result.code === "not_found" ? 404 : 400
    res.status(status).json({
      type: status === 404 ? "not_found" : "not_allowed",
      code: result.code,
      message: result.message,
      auction: result.lot,
      server_time: result.server_time,
      ...(result.late_by_ms !== undefined ? { late_by_ms: result.late_by_ms } : {}),
    })
    return
  }

  if (result.duplicate) {
    // A retry of an accepted bid: refused as a new bid, with the first result to resume from.
    res.status(400).json({
      type: "not_allowed",
      code: "duplicate_bid",
      message: "This bid was already placed; here is its result.",
      bid: result.bid,
      outcome: result.bid.outcome,
      auction: result.lot,
      server_time: result.server_time,
    })
    return
  }
  relayInBackground(req.scope)
  res.status(200).json({
    bid: result.bid,
    outcome: result.bid.outcome,
    extended: result.extended,
    auction: result.lot,
    server_time: result.server_time,
  })
}

/** Public bid history, newest first: pseudonymous bidders, visible prices (never anyone's max). */
export const GET = async (req: MedusaRequest<unknown, StoreGetBidsType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as StoreGetBidsType
  await retrieveVisibleLot(req.scope, req.params.id)
  const auctions = auctionsService(req.scope)
  const [bids, count] = await auctions.listAndCountBids(
    { auction_id: req.params.id },
    { order: { seq: "DESC" }, skip: offset, take: limit }
  )
  res.json({
    bids: bids.map((bid) => ({
      id: bid.id,
      bidder: bidderHandle(req.params.id, bid.customer_id),
      kind: bid.kind,
      price: Number(bid.price_after),
      outcome: bid.outcome,
      is_prebid: bid.is_prebid,
      run: bid.run,
      seq: bid.seq,
      created_at: bid.created_at,
    })),
    count,
    offset,
    limit,
  })
}
