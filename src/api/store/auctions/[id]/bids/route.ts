import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { relayInBackground } from "../../../../../lib/auction-relay"
import { bidderHandle } from "../../../../../modules/auctions/lib/lot-row"
import { auctionsService, retrieveVisibleLot } from "../../helpers"
import type { StoreGetBidsType, StorePlaceBidType } from "../../validators"

/**
 * Places a bid: a straight amount, a max (proxy) amount, or buy-now. 200 with the decision and the
 * lot's new state, 400 with a machine `code` and the current state, 404 for no such lot. A retry
 * with the same `idempotency_key` gets the first answer again, status and body, marked with the
 * `Idempotent-Replayed: true` header (Stripe's rule); the key reused for another request is a 422.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StorePlaceBidType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const reply = await auctionsService(req.scope).placeBid({
    auction_id: req.params.id,
    customer_id: req.auth_context.actor_id,
    kind: body.buy_now ? "buy_now" : body.max_amount !== undefined ? "max" : "straight",
    amount: body.max_amount ?? body.amount ?? 0,
    idempotency_key: body.idempotency_key,
  })
  if (reply.status === 200 && !reply.replayed) {
    relayInBackground(req.scope)
  }
  if (reply.replayed) {
    res.setHeader("Idempotent-Replayed", "true")
  }
  res.status(reply.status).type("json").send(reply.json)
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
