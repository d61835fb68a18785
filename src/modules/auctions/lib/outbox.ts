import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import { PG_EVENTS_CHANNEL } from "../../../realtime/contract/transport"
import type { LiveAuctionEventName } from "../events"

export type OutboxEvent = {
  auction_id: string
  seq: number
  name: LiveAuctionEventName
  payload: Record<string, unknown>
}

/** Writes events in the caller's transaction: they commit, or vanish, with the change. */
export async function insertOutboxEvents(trx: Knex.Transaction, events: OutboxEvent[]): Promise<void> {
  if (!events.length) {
    return
  }
  await trx("live_auction_event").insert(
    events.map((e) => ({
      id: generateEntityId(undefined, "aevt"),
      auction_id: e.auction_id,
      seq: e.seq,
      name: e.name,
      payload: JSON.stringify({ ...e.payload, auction_id: e.auction_id, seq: e.seq }),
      // The lot's row lock is held here, so the wall clock orders events as the lot saw them
      // (now() would be the transaction's start, before it waited for the lock).
      created_at: trx.raw("clock_timestamp()"),
    }))
  )
}

export type ClaimedEvent = { id: string; auction_id: string; seq: number; name: string; payload: Record<string, unknown> }

// One relay at a time drains the outbox, so events leave in commit order per lot.
const RELAY_LOCK = 0x6c697665 // "live"

/**
 * Publishes unpublished events oldest first through `publish`, then marks them.
 * A crash between the two publishes again (at least once; consumers dedupe by seq).
 * Returns how many went out; 0 when another relay holds the lock.
 */
export async function drainOutbox(
  knex: Knex,
  publish: (events: ClaimedEvent[]) => Promise<void>,
  batchSize = 500
): Promise<number> {
  let total = 0
  for (;;) {
    const sent = await knex.transaction(async (trx) => {
      const { rows } = await trx.raw("select pg_try_advisory_xact_lock(?) as locked", [RELAY_LOCK])
      if (!rows[0].locked) {
        return -1
      }
      const events: ClaimedEvent[] = await trx("live_auction_event")
        .select("id", "auction_id", "seq", "name", "payload")
        .whereNull("published_at")
        .whereNull("deleted_at")
        .orderBy([{ column: "created_at" }, { column: "auction_id" }, { column: "seq" }])
        .limit(batchSize)
      if (!events.length) {
        return 0
      }
      await publish(events)
      // Sidecars listening on PostgreSQL get them at commit, in this order (at most 8 kB each).
      await trx.raw("select pg_notify(?, e::text) from json_array_elements(?::json) as e", [
        PG_EVENTS_CHANNEL,
        JSON.stringify(events.map(({ auction_id, seq, name, payload }) => ({ auction_id, seq, name, payload }))),
      ])
      await trx("live_auction_event")
        .whereIn(
          "id",
          events.map((e) => e.id)
        )
        .update({ published_at: trx.fn.now() })
      return events.length
    })
    if (sent <= 0) {
      return total
    }
    total += sent
    if (sent < batchSize) {
      return total
    }
  }
}
