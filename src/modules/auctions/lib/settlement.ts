import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { rawNumber } from "./lot-row"

/**
 * The settlement state machine of sold lots, in SQL. Every change is conditional on the state
 * it starts from, so the settlement job, subscribers and several processes may all call these
 * at once: each transition happens exactly once.
 */

/** The plugin's `settlement` options this needs (lots may override the window and the depth). */
export type SettlementDefaults = {
  paymentWindowSeconds: number
  runnerUpDepth: number
  runnerUpWindowSeconds: number | null
  reminderSecondsBeforeDue: number[]
}

/** Offers handled per query (a settlement pass keeps going while batches come back full). */
export const OFFER_BATCH = 100

export type OfferRow = {
  id: string
  auction_id: string
  run: number
  rank: number
  customer_id: string
  amount: number
  currency_code: string
  show_id: string | null
  /** The admin user who sells the lot (copied from it), so a seller's console lists its offers. */
  seller_id: string | null
  status: "pending" | "paid" | "expired" | "cancelled"
  due_at: Date
  reminders_sent: number
  cart_id: string | null
  cart_error: string | null
  cart_attempts: number
  charge_status: string | null
  charge_error: string | null
  order_id: string | null
  paid_at: Date | null
  closed_at: Date | null
  line_cleared_at: Date | null
  created_at: Date
}

function toOffer(row: Record<string, any>): OfferRow {
  return { ...row, amount: Number(row.amount) } as OfferRow
}

function insertOffer(
  trx: Knex.Transaction,
  offer: Pick<OfferRow, "auction_id" | "run" | "rank" | "customer_id" | "amount" | "currency_code" | "show_id" | "seller_id">,
  windowSeconds: number
) {
  return trx.raw(
    `insert into live_lot_offer (id, auction_id, run, rank, customer_id, amount, raw_amount, currency_code, show_id,
                                 seller_id, status, due_at, created_at, updated_at)
     values (:id, :auction_id, :run, :rank, :customer_id, :amount, cast(:raw_amount as jsonb), :currency_code, :show_id,
             :seller_id, 'pending', clock_timestamp() + make_interval(secs => :window), clock_timestamp(), clock_timestamp())
     returning *`,
    {
      id: generateEntityId(undefined, "loff"),
      ...offer,
      raw_amount: rawNumber(offer.amount),
      window: windowSeconds,
    }
  )
}

/**
 * Sold lots with no settlement yet get their winner's offer at the hammer price
 * (`auctionId` narrows it to one lot). Returns the offers made.
 */
export function openSettlements(knex: Knex, defaults: SettlementDefaults, auctionId?: string): Promise<OfferRow[]> {
  return knex.transaction(async (trx) => {
    const { rows: lots } = await trx.raw(
      `select id, run, winner_customer_id, hammer_price, currency_code, show_id, seller_id, payment_window_seconds
       from live_auction
       where status = 'sold' and settlement_status is null and deleted_at is null
         ${auctionId ? "and id = :auctionId" : ""}
       order by closed_at limit :limit for update skip locked`,
      { limit: OFFER_BATCH, ...(auctionId ? { auctionId } : {}) }
    )
    const offers: OfferRow[] = []
    for (const lot of lots) {
      await trx.raw(
        `update live_auction set settlement_status = 'awaiting_payment', updated_at = clock_timestamp() where id = ?`,
        [lot.id]
      )
      const { rows } = await insertOffer(
        trx,
        {
          auction_id: lot.id,
          run: lot.run,
          rank: 0,
          customer_id: lot.winner_customer_id,
          amount: Number(lot.hammer_price),
          currency_code: lot.currency_code,
          show_id: lot.show_id,
          seller_id: lot.seller_id,
        },
        lot.payment_window_seconds ?? defaults.paymentWindowSeconds
      )
      offers.push(toOffer(rows[0]))
    }
    return offers
  })
}

/** Pending offers past their deadline, oldest first. */
export async function listOverdueOffers(knex: Knex): Promise<OfferRow[]> {
  const { rows } = await knex.raw(
    `select o.* from live_lot_offer o
     where o.status = 'pending' and o.due_at <= clock_timestamp() and o.deleted_at is null
     order by o.due_at limit ?`,
    [OFFER_BATCH]
  )
  return rows.map(toOffer)
}

export type ExpiryResult = {
  expired: OfferRow
  next: OfferRow | null
  /** What undoing it needs: the lot's settlement state before, and the block this lapse made (if any). */
  undo: { settlement_status: string | null; block_id: string | null }
}

/**
 * Ends an overdue offer: the buyer forfeits it and is blocked from bidding (until staff lift
 * it), and the lot goes to the next runner-up at their own highest bid, within the depth.
 * Null when the offer was no longer pending and overdue (paid, or another process got there).
 */
export function expireOffer(knex: Knex, offerId: string, defaults: SettlementDefaults): Promise<ExpiryResult | null> {
  return knex.transaction(async (trx) => {
    const { rows } = await trx.raw(
      `update live_lot_offer set status = 'expired', closed_at = clock_timestamp(), updated_at = clock_timestamp()
       where id = ? and status = 'pending' and due_at <= clock_timestamp() and deleted_at is null
       returning *`,
      [offerId]
    )
    if (!rows[0]) {
      return null
    }
    const expired = toOffer(rows[0])
    const { rows: blocks } = await trx.raw(
      `insert into live_bidder_block (id, customer_id, reason, expires_at, created_at, updated_at)
       values (?, ?, ?, null, clock_timestamp(), clock_timestamp())
       on conflict (customer_id) where deleted_at is null do nothing
       returning id`,
      [generateEntityId(undefined, "bblk"), expired.customer_id, `unpaid_lot:${expired.auction_id}`]
    )
    const { rows: lots } = await trx.raw(
      `select id, run, reserve_price, hammer_price, runner_up_depth, payment_window_seconds, settlement_status
       from live_auction where id = ? for update`,
      [expired.auction_id]
    )
    const lot = lots[0]
    const depth = lot.runner_up_depth ?? defaults.runnerUpDepth
    const runnerUp = expired.rank < depth && lot.run === expired.run ? await findRunnerUp(trx, expired, lot) : null
    let next: OfferRow | null = null
    if (runnerUp) {
      const window = defaults.runnerUpWindowSeconds ?? lot.payment_window_seconds ?? defaults.paymentWindowSeconds
      const inserted = await insertOffer(
        trx,
        {
          auction_id: expired.auction_id,
          run: expired.run,
          rank: expired.rank + 1,
          customer_id: runnerUp.customer_id,
          amount: runnerUp.amount,
          currency_code: expired.currency_code,
          show_id: expired.show_id,
          seller_id: expired.seller_id,
        },
        window
      )
      next = toOffer(inserted.rows[0])
    }
    if (lot.run === expired.run) {
      await trx.raw(`update live_auction set settlement_status = ?, updated_at = clock_timestamp() where id = ?`, [
        next ? "offered_to_runner_up" : "forfeited",
        expired.auction_id,
      ])
    }
    return { expired, next, undo: { settlement_status: lot.settlement_status, block_id: blocks[0]?.id ?? null } }
  })
}

/**
 * Undoes `expireOffer` (a later step of the lapse failed): the offer is pending again, the
 * runner-up's offer and the block it made are gone, the lot's settlement state is as it was.
 * Conditional on nothing having moved since: a runner-up offer already paid is left alone.
 */
export function revertExpiry(knex: Knex, result: ExpiryResult): Promise<void> {
  return knex.transaction(async (trx) => {
    if (result.next) {
      const { rowCount } = await trx.raw(`delete from live_lot_offer where id = ? and status = 'pending' and cart_id is null`, [
        result.next.id,
      ])
      if (!rowCount) {
        return // the runner-up's offer went on (a cart, a payment): the lapse stands
      }
    }
    await trx.raw(
      `update live_lot_offer set status = 'pending', closed_at = null, updated_at = clock_timestamp()
       where id = ? and status = 'expired'`,
      [result.expired.id]
    )
    if (result.undo.block_id) {
      await trx.raw(`delete from live_bidder_block where id = ?`, [result.undo.block_id])
    }
    await trx.raw(`update live_auction set settlement_status = ?, updated_at = clock_timestamp() where id = ? and run = ?`, [
      result.undo.settlement_status,
      result.expired.auction_id,
      result.expired.run,
    ])
  })
}

/**
 * The best bidder of the run not yet offered the lot and not blocked, at their own highest
 * bid (never above the hammer price), if that meets the reserve.
 */
async function findRunnerUp(
  trx: Knex.Transaction,
  expired: OfferRow,
  lot: { id: string; run: number; reserve_price: string | null; hammer_price: string | null }
): Promise<{ customer_id: string; amount: number } | null> {
  const { rows } = await trx.raw(
    `select b.customer_id, least(max(b.amount), cast(:hammer as numeric)) as amount
     from live_auction_bid b
     where b.auction_id = :id and b.run = :run and b.deleted_at is null and b.kind <> 'buy_now'
       and not exists (select 1 from live_lot_offer o where o.auction_id = b.auction_id and o.run = b.run
                       and o.customer_id = b.customer_id)
       and not exists (select 1 from live_bidder_block k where k.customer_id = b.customer_id and k.deleted_at is null
                       and (k.expires_at is null or k.expires_at > clock_timestamp()))
     group by b.customer_id
     having cast(:reserve as numeric) is null or max(b.amount) >= cast(:reserve as numeric)
     order by max(b.amount) desc, min(b.created_at) asc
     limit 1`,
    { id: lot.id, run: lot.run, hammer: lot.hammer_price, reserve: lot.reserve_price }
  )
  return rows[0] ? { customer_id: rows[0].customer_id, amount: Number(rows[0].amount) } : null
}

export type PaidResult =
  | { ok: true; offer: OfferRow; duplicate: boolean }
  | { ok: false; offer: OfferRow | null; reason: "not_found" | "not_pending" }

/** pending → paid with its order. Paying again with the same order is a no-op. */
export function markOfferPaid(knex: Knex, offerId: string, orderId: string): Promise<PaidResult> {
  return knex.transaction(async (trx) => {
    const { rows } = await trx.raw(
      `update live_lot_offer set status = 'paid', order_id = ?, paid_at = clock_timestamp(),
         closed_at = clock_timestamp(), updated_at = clock_timestamp()
       where id = ? and status = 'pending' and deleted_at is null returning *`,
      [orderId, offerId]
    )
    if (rows[0]) {
      const offer = toOffer(rows[0])
      await trx.raw(
        `update live_auction set settlement_status = 'paid', order_id = ?, updated_at = clock_timestamp()
         where id = ? and run = ?`,
        [orderId, offer.auction_id, offer.run]
      )
      return { ok: true, offer, duplicate: false }
    }
    const { rows: existing } = await trx.raw(`select * from live_lot_offer where id = ? and deleted_at is null`, [offerId])
    if (!existing[0]) {
      return { ok: false, offer: null, reason: "not_found" }
    }
    const offer = toOffer(existing[0])
    if (offer.status === "paid" && offer.order_id === orderId) {
      return { ok: true, offer, duplicate: true }
    }
    return { ok: false, offer, reason: "not_pending" }
  })
}

/**
 * Claims the reminders that are due (one per offer per call): each goes out once, whichever
 * process claims it. `reminderSecondsBeforeDue` is sorted, earliest reminder first.
 */
export async function claimDueReminders(knex: Knex, defaults: SettlementDefaults): Promise<OfferRow[]> {
  const offsets = [...defaults.reminderSecondsBeforeDue].sort((a, b) => b - a)
  if (!offsets.length) {
    return []
  }
  const { rows } = await knex.raw(
    `update live_lot_offer set reminders_sent = reminders_sent + 1, updated_at = clock_timestamp()
     where status = 'pending' and deleted_at is null and reminders_sent < :count
       and due_at > clock_timestamp()
       and due_at - make_interval(secs => (cast(:offsets as integer[]))[reminders_sent + 1]) <= clock_timestamp()
     returning *`,
    { count: offsets.length, offsets: `{${offsets.join(",")}}` }
  )
  return rows.map(toOffer)
}

/** Cancels the open offer of a lot's current run (the seller re-runs it). Returns it, if any. */
export async function cancelPendingOffers(trx: Knex.Transaction, auctionId: string): Promise<OfferRow[]> {
  const { rows } = await trx.raw(
    `update live_lot_offer set status = 'cancelled', closed_at = clock_timestamp(), updated_at = clock_timestamp()
     where auction_id = ? and status = 'pending' and deleted_at is null returning *`,
    [auctionId]
  )
  return rows.map(toOffer)
}

/**
 * Pending offers whose cart is still to be made, except `exclude` (tried already in this pass);
 * an offer whose cart failed 5 times is left to staff.
 */
export async function listOffersWithoutCart(knex: Knex, exclude: string[]): Promise<OfferRow[]> {
  const rows = await knex("live_lot_offer")
    .where({ status: "pending", cart_id: null, deleted_at: null })
    .where("cart_attempts", "<", 5)
    .whereNotIn("id", exclude)
    .orderBy("created_at")
    .limit(OFFER_BATCH)
  return rows.map(toOffer)
}

/**
 * Pending offers that have a cart, oldest first, a page at a time after `after` (the last offer
 * of the previous page): keyset paging, because marking offers paid shrinks the set as it goes.
 */
export async function listPendingOffersWithCart(
  knex: Knex,
  after: Pick<OfferRow, "created_at" | "id"> | null,
  take: number
): Promise<OfferRow[]> {
  const query = knex("live_lot_offer")
    .where({ status: "pending", deleted_at: null })
    .whereNotNull("cart_id")
    .orderBy([{ column: "created_at" }, { column: "id" }])
    .limit(take)
  if (after) {
    query.whereRaw("(created_at, id) > (?, ?)", [after.created_at, after.id])
  }
  return (await query).map(toOffer)
}

/** Lapsed or cancelled offers whose line may still sit in their buyer's cart, oldest first. */
export async function listLinesToClear(knex: Knex): Promise<OfferRow[]> {
  const rows = await knex("live_lot_offer")
    .whereIn("status", ["expired", "cancelled"])
    .where({ line_cleared_at: null, deleted_at: null })
    .whereNotNull("cart_id")
    .orderBy("closed_at")
    .limit(OFFER_BATCH)
  return rows.map(toOffer)
}

export async function markLineCleared(knex: Knex, offerId: string): Promise<void> {
  await knex("live_lot_offer").where({ id: offerId }).update({ line_cleared_at: knex.raw("clock_timestamp()") })
}

/**
 * Carts ready for an off-session charge: pending offers never charged, outside a show or in a
 * show with no scheduled or live lot left (its wins are charged, and ship, together).
 */
export async function listChargeableCarts(knex: Knex): Promise<string[]> {
  const { rows } = await knex.raw(
    `select o.cart_id from live_lot_offer o
     where o.status = 'pending' and o.cart_id is not null and o.charge_status is null and o.deleted_at is null
       and (o.show_id is null or not exists (
         select 1 from live_auction l where l.show_id = o.show_id and l.status in ('scheduled', 'live')
           and l.deleted_at is null))
     group by o.cart_id order by min(o.created_at) limit ?`,
    [OFFER_BATCH]
  )
  return rows.map((r: { cart_id: string }) => r.cart_id)
}

/** Off-session charge attempts per cart: a run that failed (not a refusal) is tried once more. */
export const CHARGE_ATTEMPTS = 2

/**
 * Claims a cart's pending offers for one off-session charge attempt: only the caller that flips
 * them from "not tried" to "processing" gets them, and each claim counts an attempt.
 */
export async function claimCartCharge(knex: Knex, cartId: string): Promise<OfferRow[]> {
  const rows = await knex("live_lot_offer")
    .where({ cart_id: cartId, status: "pending", charge_status: null, deleted_at: null })
    .where("charge_attempts", "<", CHARGE_ATTEMPTS)
    .update({
      charge_status: "processing",
      charge_attempts: knex.raw("charge_attempts + 1"),
      updated_at: knex.raw("clock_timestamp()"),
    })
    .returning("*")
  return rows.map(toOffer)
}

/** Gives a claim back (its attempt failed and was undone): the next pass may try again. */
export async function releaseCartCharge(knex: Knex, offerIds: string[]): Promise<void> {
  await knex("live_lot_offer")
    .whereIn("id", offerIds)
    .where({ charge_status: "processing" })
    .update({ charge_status: null, updated_at: knex.raw("clock_timestamp()") })
}

/** A claimed attempt's outcome, on the offers still claimed for it; returns the offers it recorded. */
export async function recordCartCharge(
  knex: Knex,
  offerIds: string[],
  outcome: { status: string; error?: string | null }
): Promise<OfferRow[]> {
  const rows = await knex("live_lot_offer")
    .whereIn("id", offerIds)
    .where({ charge_status: "processing" })
    .update({
      charge_status: outcome.status,
      charge_error: outcome.error?.slice(0, 1000) ?? null,
      updated_at: knex.raw("clock_timestamp()"),
    })
    .returning("*")
  return rows.map(toOffer)
}

/**
 * A cart whose attempts are used up (each failed and was undone) is no longer charged
 * automatically: its offers become `failed`, and the buyer pays at checkout. Returns them.
 */
export async function giveUpCartCharge(knex: Knex, cartId: string, error: string | null): Promise<OfferRow[]> {
  const rows = await knex("live_lot_offer")
    .where({ cart_id: cartId, status: "pending", charge_status: null, deleted_at: null })
    .where("charge_attempts", ">=", CHARGE_ATTEMPTS)
    .update({ charge_status: "failed", charge_error: error?.slice(0, 1000) ?? null, updated_at: knex.raw("clock_timestamp()") })
    .returning("*")
  return rows.map(toOffer)
}

/** Records the cart a pending offer's lot was put in (only if it has none); throws otherwise. */
export async function attachOfferCart(knex: Knex, offerId: string, cartId: string): Promise<OfferRow> {
  const rows = await knex("live_lot_offer")
    .where({ id: offerId, status: "pending", cart_id: null, deleted_at: null })
    .update({ cart_id: cartId, cart_error: null, updated_at: knex.raw("clock_timestamp()") })
    .returning("*")
  if (!rows[0]) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `Lot offer ${offerId} is no longer pending without a cart.`)
  }
  return toOffer(rows[0])
}

export async function detachOfferCart(knex: Knex, offerId: string, cartId: string): Promise<void> {
  await knex("live_lot_offer")
    .where({ id: offerId, cart_id: cartId })
    .update({ cart_id: null, updated_at: knex.raw("clock_timestamp()") })
}

/** Counts a failed cart attempt, from the current value and only while the offer has no cart. */
export async function recordCartFailure(knex: Knex, offerId: string, error: string): Promise<void> {
  await knex("live_lot_offer")
    .where({ id: offerId, status: "pending", cart_id: null })
    .update({
      cart_error: error.slice(0, 1000),
      cart_attempts: knex.raw("cart_attempts + 1"),
      updated_at: knex.raw("clock_timestamp()"),
    })
}
