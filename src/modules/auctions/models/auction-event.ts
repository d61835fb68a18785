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
      /** The lot's show when the event was published; show rooms replay by `show_seq`. */
      show_id: model.text().nullable(),
      /** The event's place in its show's stream, given by the relay when it publishes. */
      show_seq: model.number().nullable(),
    }
  )
  .indexes([
    { on: ["auction_id", "seq"], unique: true },
    { on: ["created_at"], where: "published_at IS NULL" },
    { on: ["show_id", "show_seq"], unique: true, where: "show_seq IS NOT NULL" },
  ])
