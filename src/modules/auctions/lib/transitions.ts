import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { AuctionErrorCode } from "../../../realtime/contract/errors"
import { LiveAuctionEvents, type LiveAuctionEventName } from "../events"
import { publicLot, type LotDefaults, type LotRow, type PublicLot } from "./lot-row"
import { insertOutboxEvents, outboxEvent, type OutboxPayload } from "./outbox"
import { closedPayload, iso } from "./place-bid"
import { cancelPendingOffers } from "./settlement"

export type TransitionResult =
  | { ok: true; lot: PublicLot }
  | { ok: false; code: AuctionErrorCode | "not_found"; message: string; lot: PublicLot | null }

type LockedLot = LotRow & { db_now: Date }

type Transition<N extends LiveAuctionEventName> = {
  /** States the lot may be in. */
  from: LotRow["status"][]
  refusal: (lot: LotRow) => string
  /** The SET list of the UPDATE (seq and updated_at are added). */
  set: string
  event: N
  /** The event's own fields; `show_id` and `server_time` are added. */
  payload: (after: LockedLot) => Omit<OutboxPayload<N>, "show_id" | "server_time">
  /** A further check on the locked lot: a refusal message, or null to go ahead. */
  guard?: (lot: LotRow & { settlement_status?: string | null }) => string | null
  /** More writes in the same transaction, after the lot's. */
  also?: (trx: Knex.Transaction, after: LockedLot) => Promise<void>
}

/**
 * Locks the lot, checks it may make the transition, applies it and writes its outbox event,
 * all in one transaction.
 */
function applyTransition<N extends LiveAuctionEventName>(
  knex: Knex,
  id: string,
  defaults: LotDefaults,
  t: Transition<N>
): Promise<TransitionResult> {
  return knex.transaction(async (trx) => {
    const { rows } = await trx.raw(
      "select *, clock_timestamp() as db_now from live_auction where id = ? and deleted_at is null for update",
      [id]
    )
    const lot: LockedLot | undefined = rows[0]
    if (!lot) {
      return { ok: false, code: "not_found", message: "Auction not found.", lot: null }
    }
    const refusal = !t.from.includes(lot.status) ? t.refusal(lot) : t.guard?.(lot)
    if (refusal) {
      return { ok: false, code: "invalid_transition", message: refusal, lot: publicLot(lot, defaults) }
    }
    const updated = await trx.raw(
      `update live_auction set ${t.set}, seq = seq + 1, updated_at = clock_timestamp()
       where id = ? returning *, clock_timestamp() as db_now`,
      [id]
    )
    const after: LockedLot = updated.rows[0]
    await t.also?.(trx, after)
    const payload = { ...t.payload(after), show_id: after.show_id, server_time: iso(after.db_now) } as OutboxPayload<N>
    await insertOutboxEvents(trx, [outboxEvent({ auction_id: id, seq: after.seq, name: t.event, payload })])
    return { ok: true, lot: publicLot(after, defaults) }
  })
}

/** draft | scheduled → live: the clock starts now, server-side. Pre-bids stand. */
export function startLot(knex: Knex, id: string, defaults: LotDefaults) {
  return applyTransition(knex, id, defaults, {
    from: ["draft", "scheduled"],
    refusal: (lot) => `A ${lot.status} lot cannot be started.`,
    set: `status = 'live', started_at = clock_timestamp(),
          ends_at = clock_timestamp() + make_interval(secs => duration_seconds)`,
    event: LiveAuctionEvents.STARTED,
    payload: (after) => ({ started_at: iso(after.started_at!), ends_at: iso(after.ends_at!) }),
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
  return applyTransition(knex, id, defaults, {
    from: ["draft", "scheduled", "live"],
    refusal: (lot) => `A ${lot.status} lot cannot be cancelled.`,
    set: "status = 'cancelled', closed_at = clock_timestamp()",
    event: LiveAuctionEvents.CANCELLED,
    payload: () => ({}),
  })
}

/**
 * unsold | cancelled | sold-but-unpaid → draft, bidding reset for a new run (earlier runs' bids
 * and offers stay on record; an open offer is cancelled).
 */
export function rerunLot(knex: Knex, id: string, defaults: LotDefaults) {
  return applyTransition(knex, id, defaults, {
    from: ["unsold", "cancelled", "sold"],
    refusal: (lot) => `Only unsold, cancelled or unpaid lots can be re-run; this one is ${lot.status}.`,
    guard: (lot) =>
      lot.status === "sold" && lot.settlement_status === "paid" ? "This lot is paid for: it cannot be re-run." : null,
    also: async (trx) => {
      await cancelPendingOffers(trx, id)
    },
    set: `status = 'draft', run = run + 1,
          current_price = null, raw_current_price = null, leader_customer_id = null,
          leader_max = null, raw_leader_max = null, bid_count = 0, extension_count = 0,
          started_at = null, ends_at = null, closed_at = null, winner_customer_id = null,
          hammer_price = null, raw_hammer_price = null, settlement_status = null`,
    event: LiveAuctionEvents.RERUN,
    payload: (after) => ({ run: after.run }),
  })
}
