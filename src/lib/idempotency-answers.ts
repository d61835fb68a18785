import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/** The tables keeping first answers by idempotency key (bids, chat sends). */
export type AnswerTable = "live_bid_request" | "live_chat_send_request"

/**
 * Forgets answers older than a day (Stripe keeps idempotency keys 24 hours), `limit` rows per
 * call so one pass never holds a long delete.
 */
export async function forgetOldAnswers(knex: Knex, table: AnswerTable, limit = 5000): Promise<number> {
  const { rowCount } = await knex.raw(
    `delete from ?? where id in (select id from ?? where created_at < clock_timestamp() - interval '24 hours' limit ?)`,
    [table, table, limit]
  )
  return rowCount ?? 0
}
