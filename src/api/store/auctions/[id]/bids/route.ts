import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { relayInBackground } from "../../../../../lib/auction-relay"
import { bidderHandle } from "../../../../../modules/auctions/lib/lot-row"
import { auctionsService, assertVisibleLot } from "../../helpers"
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
  await assertVisibleLot(req.scope, req.params.id)
  const wanted = new Set(req.queryConfig.fields)
  // `bidder` and `price` are worked out from the bidder's id and the price after the bid.
  const fields = [...req.queryConfig.fields.filter((f) => f !== "bidder" && f !== "price"), "customer_id", "price_after"]
  const { data, metadata } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "bid",
    fields,
    filters: { auction_id: req.params.id },
    pagination: { skip: offset, take: limit, order: { seq: "DESC" } },
  })
  const bids = data.map(({ customer_id, price_after, ...bid }: Record<string, any>) => ({
    ...bid,
    ...(wanted.has("bidder") ? { bidder: bidderHandle(req.params.id, customer_id) } : {}),
    ...(wanted.has("price") ? { price: Number(price_after) } : {}),
  }))
  res.json({ bids, count: metadata?.count ?? bids.length, offset, limit })
}
