import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import type { LotEventPayloads } from "../../../realtime/contract/live-events"
import type { LiveAuctionEventName } from "../events"

/** What a lot event's writer supplies: the contract's payload, less what the insert adds. */
export type OutboxPayload<N extends LiveAuctionEventName> = Omit<LotEventPayloads[N], "auction_id" | "seq">

/** One event for the outbox: a contract event name and exactly its payload. */
export type OutboxEvent = {
  [N in LiveAuctionEventName]: { auction_id: string; seq: number; name: N; payload: OutboxPayload<N> }
}[LiveAuctionEventName]

/**
 * An outbox event from a generic writer (a transition for any event name `N`): checked against
 * `N`'s payload here; TypeScript cannot narrow a generic `N` to one member of the union itself.
 */
export function outboxEvent<N extends LiveAuctionEventName>(event: {
  auction_id: string
  seq: number
  name: N
  payload: OutboxPayload<N>
}): OutboxEvent {
  return event as unknown as OutboxEvent
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

export type ClaimedEvent = {
  id: string
  auction_id: string
  seq: number
  name: string
  payload: Record<string, unknown>
  /** The lot's show at publish time, and the event's place in that show's stream. */
  show_id: string | null
  show_seq: number | null
}

// One relay at a time drains the outbox, so events leave in commit order per lot
// and show sequence numbers are handed out without gaps or races.
const RELAY_LOCK = 0x6c697665 // "live"

export type DrainOptions = { batchSize?: number }

/**
 * Hands `publish` the unpublished events oldest first, with the transaction that claimed them
 * (a NOTIFY there leaves at its commit), then marks them published in it. A failure in `publish`
 * rolls the batch back for the next run; a crash after a send publishes again (at least once;
 * consumers dedupe by seq). Returns how many went out; 0 when another relay holds the lock.
 */
export async function drainOutbox(
  knex: Knex,
  publish: (events: ClaimedEvent[], transaction: Knex.Transaction) => Promise<void>,
  { batchSize = 500 }: DrainOptions = {}
): Promise<number> {
  let total = 0
  for (;;) {
    const sent = await knex.transaction(async (trx) => {
      const { rows } = await trx.raw("select pg_try_advisory_xact_lock(?) as locked", [RELAY_LOCK])
      if (!rows[0].locked) {
        return -1
      }
      const claimed = await trx("live_auction_event as e")
        .leftJoin("live_auction as a", "a.id", "e.auction_id")
        .select("e.id", "e.auction_id", "e.seq", "e.name", "e.payload", "a.show_id")
        .whereNull("e.published_at")
        .whereNull("e.deleted_at")
        .orderBy([{ column: "e.created_at" }, { column: "e.auction_id" }, { column: "e.seq" }])
        .limit(batchSize)
      if (!claimed.length) {
        return 0
      }
      const events = await numberShowEvents(trx, claimed)
      await publish(events, trx)
      await trx.raw(
        `update live_auction_event e
            set published_at = now(), show_id = v.show_id, show_seq = v.show_seq
           from json_to_recordset(?::json) as v(id text, show_id text, show_seq integer)
          where e.id = v.id`,
        [JSON.stringify(events.map(({ id, show_id, show_seq }) => ({ id, show_id, show_seq })))]
      )
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


/** Gives each event of a lot in a show the next number in that show's stream (under the relay lock). */
async function numberShowEvents(
  trx: Knex.Transaction,
  claimed: Omit<ClaimedEvent, "show_seq">[]
): Promise<ClaimedEvent[]> {
  const showIds = [...new Set(claimed.map((e) => e.show_id).filter((id): id is string => !!id))]
  const next = new Map<string, number>()
  if (showIds.length) {
    const rows: { show_id: string; last: number }[] = await trx("live_auction_event")
      .select("show_id")
      .max({ last: "show_seq" })
      .whereIn("show_id", showIds)
      .groupBy("show_id")
    rows.forEach((r) => next.set(r.show_id, Number(r.last ?? 0)))
  }
  return claimed.map((e) => {
    if (!e.show_id) {
      return { ...e, show_seq: null }
    }
    const showSeq = (next.get(e.show_id) ?? 0) + 1
    next.set(e.show_id, showSeq)
    return { ...e, show_seq: showSeq }
  })
}
