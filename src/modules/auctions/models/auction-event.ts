import { model } from "@medusajs/framework/utils"

/**
 * The outbox: every lot state change writes one row in the same transaction as the change.
 * The relay publishes unpublished rows in `seq` order after commit (at least once).
 */
export const AuctionEvent = model
  .define(
    { tableName: "live_auction_event", name: "AuctionEvent" },
    {
      id: model.id({ prefix: "aevt" }).primaryKey(),
      auction_id: model.text(),
      seq: model.number(),
      /** A LiveAuctionEvents name, e.g. "live_auction.bid_placed". */
      name: model.text(),
      payload: model.json(),
      published_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    { on: ["auction_id", "seq"], unique: true },
    { on: ["created_at"], where: "published_at IS NULL" },
  ])
