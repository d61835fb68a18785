import { model } from "@medusajs/framework/utils"
import { Auction } from "./auction"

/** An accepted bid (rejected bids change nothing and are not stored). */
export const Bid = model
  .define(
    { tableName: "live_auction_bid", name: "Bid" },
    {
      id: model.id({ prefix: "bid" }).primaryKey(),
      auction: model.belongsTo(() => Auction, { mappedBy: "bids" }),
      customer_id: model.text(),
      kind: model.enum(["straight", "max", "buy_now"]),
      /** What the bidder offered: the straight amount, the max, or the buy-now price. */
      amount: model.bigNumber(),
      /** The lot's visible price right after this bid. */
      price_after: model.bigNumber(),
      /** leading | outbid | max_raised | bought, as decided when it arrived. */
      outcome: model.enum(["leading", "outbid", "max_raised", "bought"]),
      /** Client-chosen key: a retry with the same key returns the first result. */
      idempotency_key: model.text(),
      /** The lot's `seq` this bid produced. */
      seq: model.number(),
      /** The lot's run this bid belongs to (re-runs start afresh). */
      run: model.number().default(1),
      /** Pre-bid: placed while the lot was scheduled. */
      is_prebid: model.boolean().default(false),
    }
  )
  .indexes([
    { on: ["auction_id", "customer_id", "idempotency_key"], unique: true },
    { on: ["auction_id", "seq"], unique: true },
    { on: ["customer_id", "created_at"] },
  ])
