import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { PG_EVENTS_CHANNEL, type LiveMessage } from "../../../realtime/contract/transport"

/**
 * NOTIFYs each message on the sidecars' channel, in order, in one statement. Run in a transaction,
 * PostgreSQL delivers them at its commit and drops them at its rollback; run on the pool, at once.
 * A NOTIFY payload holds at most 8,000 bytes: one message per NOTIFY keeps each well under it.
 */
export async function notifyOnPostgres(db: Knex | Knex.Transaction, messages: LiveMessage[]): Promise<void> {
  await db.raw("select pg_notify(?, m::text) from json_array_elements(?::json) as m", [
    PG_EVENTS_CHANNEL,
    JSON.stringify(messages),
  ])
}
