import { model } from "@medusajs/framework/utils"
import { Bid } from "./bid"

/**
 * A lot: one item sold by live auction, alone or inside a show.
 * Prices are in the main unit of `currency_code` (as in Medusa's pricing).
 */
export const Auction = model
  .define(
    { tableName: "live_auction", name: "Auction" },
    {
      id: model.id({ prefix: "auc" }).primaryKey(),
      /** Shown to viewers; copied from the product for catalog lots, typed in for custom lots. */
      title: model.text().searchable(),
      description: model.text().nullable(),
      /** draft → scheduled → live → sold | unsold | cancelled */
      status: model
        .enum(["draft", "scheduled", "live", "sold", "unsold", "cancelled"])
        .default("draft"),
      /** Catalog lot: the variant sold. Null for a custom (variant-less) lot. */
      product_variant_id: model.text().nullable(),
      /** The show this lot runs in, if any (shows arrive with the streams module). */
      show_id: model.text().nullable(),
      currency_code: model.text(),
      starting_price: model.bigNumber(),
      /** Lot-specific increment table; null = the plugin's default table. */
      increments: model.json().nullable(),
      /** How long the lot runs once started. */
      duration_seconds: model.number().default(30),
      scheduled_at: model.dateTime().nullable(),
      started_at: model.dateTime().nullable(),
      /** Authoritative end; soft close moves it. */
      ends_at: model.dateTime().nullable(),
      closed_at: model.dateTime().nullable(),
      /** Increases by one on every state change; realtime consumers order and dedupe by it. */
      seq: model.number().default(0),
      metadata: model.json().nullable(),
      bids: model.hasMany(() => Bid, { mappedBy: "auction" }),
    }
  )
  .indexes([{ on: ["status"] }, { on: ["show_id", "status"] }])
  .checks([
    { name: "live_auction_starting_price_check", expression: (c) => `${c.starting_price} >= 0` },
    { name: "live_auction_duration_check", expression: (c) => `${c.duration_seconds} > 0` },
  ])
  .cascades({ delete: ["bids"] })
