import { model } from "@medusajs/framework/utils"

/**
 * The right to buy a sold lot at a price, until a deadline: the winner's (rank 0) at the hammer
 * price, then, if it lapses, runner-ups' (rank 1, 2, …) at their own highest bid.
 * At most one offer per lot run is pending or paid at a time (a unique partial index).
 */
export const LotOffer = model
  .define(
    { tableName: "live_lot_offer", name: "LotOffer" },
    {
      id: model.id({ prefix: "loff" }).primaryKey(),
      auction_id: model.text(),
      /** The lot's run this offer settles (a re-run starts afresh). */
      run: model.number(),
      /** 0 = the winner; 1, 2, … = runner-ups in order of their highest bid. */
      rank: model.number(),
      customer_id: model.text(),
      /** What the buyer pays for the lot (shipping and tax come on top at checkout). */
      amount: model.bigNumber(),
      currency_code: model.text(),
      show_id: model.text().nullable(),
      /** The admin user who sells the lot (copied from it); null for a lot without a seller. */
      seller_id: model.text().nullable(),
      /** pending → paid | expired (deadline passed) | cancelled (the seller re-ran the lot) */
      status: model.enum(["pending", "paid", "expired", "cancelled"]).default("pending"),
      due_at: model.dateTime(),
      /** How many of the configured reminders went out. */
      reminders_sent: model.number().default(0),
      cart_id: model.text().nullable(),
      /** Why the cart could not be made (retried by the settlement job). */
      cart_error: model.text().nullable(),
      cart_attempts: model.number().default(0),
      /** none | succeeded | action_required | declined | failed: the off-session charge, if tried. */
      charge_status: model.text().nullable(),
      charge_error: model.text().nullable(),
      order_id: model.text().nullable(),
      paid_at: model.dateTime().nullable(),
      closed_at: model.dateTime().nullable(),
      /**
       * When a lapsed or cancelled offer's line left its buyer's cart (or the cart turned out to be
       * gone or already an order). Null while that is still to do: the settlement job retries it.
       */
      line_cleared_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    { on: ["auction_id", "run", "rank"], unique: true },
    { on: ["auction_id", "run"], unique: true, where: "status IN ('pending', 'paid')" },
    { on: ["status", "due_at"] },
    { on: ["customer_id", "status"] },
    { on: ["seller_id", "status"] },
    { on: ["order_id"] },
    { on: ["cart_id"] },
  ])
