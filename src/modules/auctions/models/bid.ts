import { model } from "@medusajs/framework/utils"
import { Auction } from "./auction"

/** One bid on a lot, as decided when it arrived (accepted bids only are stored). */
export const Bid = model
  .define(
    { tableName: "live_auction_bid", name: "Bid" },
    {
      id: model.id({ prefix: "bid" }).primaryKey(),
      auction: model.belongsTo(() => Auction, { mappedBy: "bids" }),
      customer_id: model.text(),
      amount: model.bigNumber(),
      /** Client-chosen key: a retry with the same key returns the first result. */
      idempotency_key: model.text(),
      /** The lot's `seq` this bid produced. */
      seq: model.number(),
    }
  )
  .indexes([
    { on: ["auction_id", "idempotency_key"], unique: true },
    { on: ["auction_id", "seq"], unique: true },
    { on: ["customer_id"] },
  ])
