import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { auctionsService } from "../../../auctions/helpers"
import type { StoreGetLotOffersType } from "../../../auctions/validators"

/** The lots the customer won (or was offered as runner-up): what to pay, where, and by when. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetLotOffersType>, res: MedusaResponse) => {
  const { limit, offset, status } = req.validatedQuery as StoreGetLotOffersType
  const [offers, count] = await auctionsService(req.scope).listAndCountLotOffers(
    { customer_id: req.auth_context.actor_id, ...(status ? { status } : {}) },
    { order: { created_at: "DESC" }, skip: offset, take: limit }
  )
  res.json({
    lot_offers: offers.map((o) => ({
      id: o.id,
      auction_id: o.auction_id,
      rank: o.rank,
      amount: Number(o.amount),
      currency_code: o.currency_code,
      show_id: o.show_id,
      status: o.status,
      due_at: o.due_at,
      cart_id: o.cart_id,
      order_id: o.order_id,
      charge_status: o.charge_status,
      paid_at: o.paid_at,
    })),
    count,
    offset,
    limit,
  })
}
