import { model } from "@medusajs/framework/utils"

/**
 * One bid request by its idempotency key, kept for a day: the first answer, replayed to every
 * retry with the same key (Stripe's rule), refusals included. Claimed before the bid is decided,
 * so copies of one request arriving together wait for the first instead of deciding again.
 */
export const BidRequest = model
  .define(
    { tableName: "live_bid_request", name: "BidRequest" },
    {
      id: model.id({ prefix: "breq" }).primaryKey(),
      customer_id: model.text(),
      /** The client's key: unique per customer (not per lot), as Stripe's are per account. */
      idempotency_key: model.text(),
      /** What was asked (lot, kind, amount), to tell a retry from another request reusing the key. */
      fingerprint: model.text(),
      /** The first answer's status and body (JSON text, replayed byte for byte); null while it is decided. */
      response_status: model.number().nullable(),
      response: model.text().nullable(),
    }
  )
  .indexes([{ on: ["customer_id", "idempotency_key"], unique: true }, { on: ["created_at"] }])
