import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { AuctionErrorCode } from "../../../realtime/contract/errors"
import { LiveAuctionEvents } from "../events"
import { publicLot, type LotDefaults, type LotRow, type PublicLot } from "./lot-row"
import { insertOutboxEvents } from "./outbox"
import { closedPayload, iso } from "./place-bid"

export type TransitionResult =
  | { ok: true; lot: PublicLot }
  | { ok: false; code: AuctionErrorCode | "not_found"; message: string; lot: PublicLot | null }

type LockedLot = LotRow & { db_now: Date }

/** Runs `change` on the locked lot row; the change and its outbox event commit together. */
async function withLockedLot(
  knex: Knex,
  id: string,
  defaults: LotDefaults,
  change: (trx: Knex.Transaction, lot: LockedLot) => Promise<TransitionResult>
): Promise<TransitionResult> {
  return knex.transaction(async (trx) => {
    const { rows } = await trx.raw(
      "select *, clock_timestamp() as db_now from live_auction where id = ? and deleted_at is null for update",
      [id]
    )
    if (!rows[0]) {
      return { ok: false, code: "not_found", message: "Auction not found.", lot: null }
    }
    return change(trx, rows[0])
  })
}

function invalid(lot: LotRow, defaults: LotDefaults, message: string): TransitionResult {
  return { ok: false, code: "invalid_transition", message, lot: publicLot(lot, defaults) }
}

/** draft | scheduled → live: the clock starts now, server-side. Pre-bids stand. */
export function startLot(knex: Knex, id: string, defaults: LotDefaults) {
  return withLockedLot(knex, id, defaults, async (trx, lot) => {
    if (lot.status !== "draft" && lot.status !== "scheduled") {
      return invalid(lot, defaults, `A ${lot.status} lot cannot be started.`)
    }
    const { rows } = await trx.raw(
      `update live_auction set status = 'live', started_at = clock_timestamp(),
         ends_at = clock_timestamp() + make_interval(secs => duration_seconds),
         seq = seq + 1, updated_at = clock_timestamp()
       where id = ? returning *, clock_timestamp() as db_now`,
      [id]
    )
    const after: LockedLot = rows[0]
    await insertOutboxEvents(trx, [
      {
        auction_id: id,
        seq: after.seq,
        name: LiveAuctionEvents.STARTED,
        payload: {
          started_at: iso(after.started_at!),
          ends_at: iso(after.ends_at!),
          show_id: after.show_id,
          server_time: iso(after.db_now),
        },
      },
    ])
    return { ok: true, lot: publicLot(after, defaults) }
  })
}

/**
 * Closes a live lot whose end has passed: sold to the leader if the reserve (if any) is met,
 * else unsold. The WHERE clause is the whole decision, so calling it early, late or twice,
 * from any process, is safe. Returns null when there was nothing to close.
 */
export async function closeLotIfDue(knex: Knex, id: string, defaults: LotDefaults): Promise<PublicLot | null> {
  return knex.transaction(async (trx) => {
    const { rows } = await trx.raw(
      `update live_auction set
         status = case when leader_customer_id is not null
                        and (reserve_price is null or current_price >= reserve_price) then 'sold' else 'unsold' end,
         winner_customer_id = case when leader_customer_id is not null
                        and (reserve_price is null or current_price >= reserve_price) then leader_customer_id end,
         hammer_price = case when leader_customer_id is not null
                        and (reserve_price is null or current_price >= reserve_price) then current_price end,
         raw_hammer_price = case when leader_customer_id is not null
                        and (reserve_price is null or current_price >= reserve_price) then raw_current_price end,
         closed_at = clock_timestamp(), seq = seq + 1, updated_at = clock_timestamp()
       where id = ? and status = 'live' and ends_at <= clock_timestamp() and deleted_at is null
       returning *, clock_timestamp() as db_now`,
      [id]
    )
    const after: LockedLot | undefined = rows[0]
    if (!after) {
      return null
    }
    await insertOutboxEvents(trx, [
      { auction_id: id, seq: after.seq, name: LiveAuctionEvents.CLOSED, payload: closedPayload(after) },
    ])
    return publicLot(after, defaults)
  })
}

/** Any state but sold/unsold/cancelled → cancelled. Bids stay on record. */
export function cancelLot(knex: Knex, id: string, defaults: LotDefaults) {
  return withLockedLot(knex, id, defaults, async (trx, lot) => {
    if (lot.status === "sold" || lot.status === "unsold" || lot.status === "cancelled") {
      return invalid(lot, defaults, `A ${lot.status} lot cannot be cancelled.`)
    }
    const { rows } = await trx.raw(
      `update live_auction set status = 'cancelled', closed_at = clock_timestamp(), seq = seq + 1,
         updated_at = clock_timestamp() where id = ? returning *, clock_timestamp() as db_now`,
      [id]
    )
    const after: LockedLot = rows[0]
    await insertOutboxEvents(trx, [
      {
        auction_id: id,
        seq: after.seq,
        name: LiveAuctionEvents.CANCELLED,
        payload: { show_id: after.show_id, server_time: iso(after.db_now) },
      },
    ])
    return { ok: true, lot: publicLot(after, defaults) }
  })
}

/** unsold | cancelled → draft, bidding reset for a new run (earlier runs' bids stay on record). */
export function rerunLot(knex: Knex, id: string, defaults: LotDefaults) {
  return withLockedLot(knex, id, defaults, async (trx, lot) => {
    if (lot.status !== "unsold" && lot.status !== "cancelled") {
      return invalid(lot, defaults, `Only unsold or cancelled lots can be re-run; this one is ${lot.status}.`)
    }
    const { rows } = await trx.raw(
      `update live_auction set status = 'draft', run = run + 1, seq = seq + 1,
         current_price = null, raw_current_price = null, leader_customer_id = null,
         leader_max = null, raw_leader_max = null, bid_count = 0, extension_count = 0,
         started_at = null, ends_at = null, closed_at = null, winner_customer_id = null,
         hammer_price = null, raw_hammer_price = null, updated_at = clock_timestamp()
       where id = ? returning *, clock_timestamp() as db_now`,
      [id]
    )
    const after: LockedLot = rows[0]
    await insertOutboxEvents(trx, [
      {
        auction_id: id,
        seq: after.seq,
        name: LiveAuctionEvents.RERUN,
        payload: { run: after.run, show_id: after.show_id, server_time: iso(after.db_now) },
      },
    ])
    return { ok: true, lot: publicLot(after, defaults) }
  })
}
