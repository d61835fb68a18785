import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { StoreGetBidsType } from "../../../auctions/validators"

/** The logged-in customer's own bids, newest first, with their own amounts and the lot's state. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetBidsType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as StoreGetBidsType
  const me = req.auth_context.actor_id
  const wanted = new Set(req.queryConfig.fields)
  // `leading` and `won` compare the lot's leader and winner with the caller; those ids never leave.
  const fields = [
    ...req.queryConfig.fields.filter((f) => f !== "leading" && f !== "won"),
    "auction.leader_customer_id",
    "auction.winner_customer_id",
  ]
  const { data, metadata } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "bid",
    fields,
    filters: { customer_id: me },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  const bids = data.map((row: Record<string, any>) => {
    const { leader_customer_id, winner_customer_id, ...auction } = row.auction ?? {}
    const bid: Record<string, unknown> = { ...row, amount: num(row.amount), price_after: num(row.price_after) }
    if (Object.keys(auction).length) {
      bid.auction = auction
    } else {
      delete bid.auction
    }
    for (const [field, value] of [
      ["leading", leader_customer_id === me],
      ["won", winner_customer_id === me],
    ] as const) {
      if (wanted.has(field)) {
        bid[field] = value
      }
    }
    return bid
  })
  res.json({ bids, count: metadata?.count ?? bids.length, offset, limit })
}

const num = (v: unknown) => (v === undefined ? undefined : v === null ? null : Number(v))
