import { model } from "@medusajs/framework/utils"
import { Bid } from "./bid"

/**
 * A lot: one item sold by live auction, alone or inside a show.
 * Prices are in the main unit of `currency_code` (as in Medusa's pricing).
 * The bid hot path updates this row with one conditional UPDATE (see repositories/bid-decision.ts).
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
      status: model.enum(["draft", "scheduled", "live", "sold", "unsold", "cancelled"]).default("draft"),
      /** Catalog lot: the variant sold. Null for a custom (variant-less) lot. */
      product_variant_id: model.text().nullable(),
      /** The show this lot runs in, if any. */
      show_id: model.text().nullable(),
      /** Its place in the show's lineup (the seller's running order); null outside a show. */
      position: model.number().nullable(),
      /**
       * The admin user who sells it: its show's seller, or the seller who created it. Null for
       * a platform lot (made by staff outside any show) and for lots made before sellers existed.
       */
      seller_id: model.text().nullable(),
      /** The seller's own customer account, which may not bid on this lot. */
      seller_customer_id: model.text().nullable(),
      currency_code: model.text(),
      starting_price: model.bigNumber(),
      /** Below it the lot does not sell (ends unsold). */
      reserve_price: model.bigNumber().nullable(),
      /** Takes the lot at once while bidding is below it. */
      buy_now_price: model.bigNumber().nullable(),
      /** Lot-specific increment table; null = the plugin's default table. */
      increments: model.json().nullable(),
      /** How long the lot runs once started. */
      duration_seconds: model.number().default(30),
      /** A bid in the last N seconds extends the lot; null = the plugin's default; 0 = none. */
      soft_close_seconds: model.number().nullable(),
      /** extend: add `extend_seconds` to the end; reset: end = bid time + `extend_seconds` (Whatnot). */
      soft_close_mode: model.enum(["extend", "reset"]).default("reset"),
      /** Null = the soft-close window. */
      extend_seconds: model.number().nullable(),
      /** Null = no cap. */
      max_extensions: model.number().nullable(),
      extension_count: model.number().default(0),
      /** Never extends: the clock is the clock. */
      sudden_death: model.boolean().default(false),
      /** Max bids accepted while the lot is scheduled. */
      allow_prebids: model.boolean().default(true),
      scheduled_at: model.dateTime().nullable(),
      started_at: model.dateTime().nullable(),
      /** Authoritative end; soft close moves it. */
      ends_at: model.dateTime().nullable(),
      closed_at: model.dateTime().nullable(),
      /** The visible price (null before the first bid). */
      current_price: model.bigNumber().nullable(),
      leader_customer_id: model.text().nullable(),
      /** The leader's max bid: private to the leader. */
      leader_max: model.bigNumber().nullable(),
      bid_count: model.number().default(0),
      winner_customer_id: model.text().nullable(),
      hammer_price: model.bigNumber().nullable(),
      /** 1 for the first run; a re-run of an unsold lot increments it and starts bidding afresh. */
      run: model.number().default(1),
      /** Increases by one on every state change; realtime consumers order and dedupe by it. */
      seq: model.number().default(0),
      /** Where the winner's cart is made; null = the store's default region (matching currency). */
      region_id: model.text().nullable(),
      /** Null = the store's default sales channel. */
      sales_channel_id: model.text().nullable(),
      /** How long a buyer has to pay; null = the plugin's `settlement.paymentWindowSeconds`. */
      payment_window_seconds: model.number().nullable(),
      /** How many runner-ups are offered the lot in turn; null = the plugin's default. */
      runner_up_depth: model.number().nullable(),
      /**
       * After a sale: awaiting_payment (the winner's offer is open), offered_to_runner_up,
       * paid, forfeited (every offer lapsed). Null before a sale.
       */
      /** The order that paid for the lot (see live_lot_offer for who paid, and when). */
      order_id: model.text().nullable(),
      settlement_status: model.enum(["awaiting_payment", "offered_to_runner_up", "paid", "forfeited"]).nullable(),
      metadata: model.json().nullable(),
      bids: model.hasMany(() => Bid, { mappedBy: "auction" }),
    }
  )
  .indexes([
    { on: ["status", "ends_at"] },
    { on: ["show_id", "status"] },
    { on: ["show_id", "position"] },
    { on: ["seller_id", "created_at"] },
    { on: ["status"], where: "settlement_status IS NULL" },
  ])
  .checks([
    { name: "live_auction_starting_price_check", expression: (c) => `${c.starting_price} >= 0` },
    { name: "live_auction_duration_check", expression: (c) => `${c.duration_seconds} > 0` },
  ])
  .cascades({ delete: ["bids"] })
