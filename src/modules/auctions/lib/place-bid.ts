import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import type { AuctionErrorCode } from "../../../realtime/contract/errors"
import { LiveAuctionEvents } from "../events"
import { decideBid, type BidKind, type BidOutcome } from "../utils/bidding"
import { biddingState, bidderHandle, publicLot, rawNumber, type LotDefaults, type LotRow, type PublicLot } from "./lot-row"
import { insertOutboxEvents, type OutboxEvent } from "./outbox"

export type PlaceBidInput = {
  auction_id: string
  customer_id: string
  kind: BidKind
  /** Ignored for buy_now. */
  amount: number
  idempotency_key: string
}

export type AcceptedBid = {
  id: string
  kind: BidKind
  amount: number
  outcome: BidOutcome
  price_after: number
  seq: number
  is_prebid: boolean
  created_at: string
}

export type PlaceBidResult =
  | { accepted: true; duplicate: boolean; bid: AcceptedBid; lot: PublicLot; extended: boolean; server_time: string }
  | {
      accepted: false
      code: AuctionErrorCode | "not_found"
      message: string
      lot: PublicLot | null
      server_time: string
      /** For bids that arrived after the close: how late, by the server's clock. */
      late_by_ms?: number
    }

/**
 * Decides one bid in one transaction: lock the lot row, decide (pure), then a conditional
 * UPDATE of the lot, the bid INSERT and the outbox INSERT commit together. The row lock
 * serialises bids on a lot, so two bids can never both take a price; the UPDATE's
 * `ends_at > clock_timestamp()` makes a bid that races the close either in or out.
 */
export async function placeBidTransaction(
  knex: Knex,
  input: PlaceBidInput,
  defaults: LotDefaults
): Promise<PlaceBidResult> {
  return knex.transaction(async (trx) => {
    const { rows } = await trx.raw(
      "select *, clock_timestamp() as db_now from live_auction where id = ? and deleted_at is null for update",
      [input.auction_id]
    )
    const lot: (LotRow & { db_now: Date }) | undefined = rows[0]
    if (!lot) {
      return { accepted: false, code: "not_found", message: "Auction not found.", lot: null, server_time: iso(new Date()) }
    }
    const reject = (code: AuctionErrorCode, message: string, extra: { late_by_ms?: number } = {}): PlaceBidResult => ({
      accepted: false,
      code,
      message,
      lot: publicLot(lot, defaults),
      server_time: iso(lot.db_now),
      ...extra,
    })

    const previous = await findByIdempotencyKey(trx, input)
    if (previous) {
      if (previous.kind !== input.kind || (input.kind !== "buy_now" && previous.amount !== input.amount)) {
        return reject("idempotency_conflict", "This idempotency key was already used for a different bid.")
      }
      return { accepted: true, duplicate: true, bid: previous, lot: publicLot(lot, defaults), extended: false, server_time: iso(lot.db_now) }
    }

    const statusRejection = checkStatus(lot, input)
    if (statusRejection) {
      return reject(...statusRejection)
    }
    if (lot.seller_customer_id && lot.seller_customer_id === input.customer_id) {
      return reject("self_bid", "You cannot bid on your own lot.")
    }

    const decision = decideBid(biddingState(lot, defaults), {
      customer_id: input.customer_id,
      kind: input.kind,
      amount: input.amount,
    })
    if (!decision.accepted) {
      return reject(decision.code, decision.message)
    }

    const bought = decision.outcome === "bought"
    const isPrebid = lot.status === "scheduled"
    const window = lot.soft_close_seconds ?? defaults.softCloseSeconds
    const mayExtend =
      !isPrebid && !bought && !lot.sudden_death && window > 0 &&
      (lot.max_extensions === null || lot.extension_count < lot.max_extensions)
    const extendBy = lot.extend_seconds ?? window

    // In SET, `ends_at` is the value before this statement: both CASEs test the same window.
    const inWindow = "(?::boolean and ends_at - clock_timestamp() < make_interval(secs => ?))"
    const updated = await trx.raw(
      `update live_auction set
         current_price = ?, raw_current_price = ?::jsonb,
         leader_customer_id = ?, leader_max = ?, raw_leader_max = ?::jsonb,
         bid_count = bid_count + 1,
         seq = seq + 1 + (case when ${inWindow} then 1 else 0 end) + (case when ?::boolean then 1 else 0 end),
         ends_at = case when ${inWindow} then
             (case when ?::boolean then greatest(ends_at, clock_timestamp() + make_interval(secs => ?))
                   else ends_at + make_interval(secs => ?) end)
           else ends_at end,
         extension_count = extension_count + (case when ${inWindow} then 1 else 0 end),
         status = case when ?::boolean then 'sold' else status end,
         winner_customer_id = case when ?::boolean then ? else winner_customer_id end,
         hammer_price = case when ?::boolean then ? else hammer_price end,
         raw_hammer_price = case when ?::boolean then ?::jsonb else raw_hammer_price end,
         closed_at = case when ?::boolean then clock_timestamp() else closed_at end,
         updated_at = clock_timestamp()
       where id = ? and status = ? and (status = 'scheduled' or ends_at > clock_timestamp())
       returning *, clock_timestamp() as db_now`,
      [
        decision.price, rawNumber(decision.price),
        decision.leader_customer_id, decision.leader_max, rawNumber(decision.leader_max),
        mayExtend, window, bought,
        mayExtend, window,
        lot.soft_close_mode === "reset", extendBy, extendBy,
        mayExtend, window,
        bought,
        bought, input.customer_id,
        bought, decision.price,
        bought, rawNumber(decision.price),
        bought,
        lot.id, lot.status,
      ]
    )
    const after: (LotRow & { db_now: Date }) | undefined = updated.rows[0]
    if (!after) {
      // The end passed between the lock and the update: the close wins.
      const now = await trx.raw("select clock_timestamp() as now")
      const late = now.rows[0].now.getTime() - new Date(lot.ends_at!).getTime()
      return reject("auction_closed", "The lot closed before your bid arrived.", { late_by_ms: Math.max(0, late) })
    }

    const bidSeq = lot.seq + 1
    const bid: AcceptedBid = {
      id: generateEntityId(undefined, "bid"),
      kind: input.kind,
      amount: decision.bid_amount,
      outcome: decision.outcome,
      price_after: decision.price,
      seq: bidSeq,
      is_prebid: isPrebid,
      created_at: iso(after.db_now),
    }
    await trx("live_auction_bid").insert({
      id: bid.id,
      auction_id: lot.id,
      customer_id: input.customer_id,
      kind: bid.kind,
      amount: bid.amount,
      raw_amount: rawNumber(bid.amount),
      price_after: bid.price_after,
      raw_price_after: rawNumber(bid.price_after),
      outcome: bid.outcome,
      idempotency_key: input.idempotency_key,
      seq: bid.seq,
      run: lot.run,
      is_prebid: isPrebid,
      created_at: after.db_now,
    })

    const extended = after.extension_count > lot.extension_count
    await insertOutboxEvents(trx, bidEvents(lot, after, bid, input.customer_id, extended, bought))
    return { accepted: true, duplicate: false, bid, lot: publicLot(after, defaults), extended, server_time: iso(after.db_now) }
  })
}

function checkStatus(lot: LotRow & { db_now: Date }, input: PlaceBidInput): [AuctionErrorCode, string, { late_by_ms?: number }?] | null {
  switch (lot.status) {
    case "live":
      if (lot.ends_at && new Date(lot.ends_at).getTime() <= lot.db_now.getTime()) {
        const late = lot.db_now.getTime() - new Date(lot.ends_at).getTime()
        return ["auction_closed", "The lot closed before your bid arrived.", { late_by_ms: late }]
      }
      return null
    case "scheduled":
      if (!lot.allow_prebids) {
        return ["prebids_disabled", "This lot does not take bids before it goes live."]
      }
      if (input.kind !== "max") {
        return ["auction_not_live", "Before the lot goes live, only max bids (pre-bids) are taken."]
      }
      return null
    case "draft":
      return ["auction_not_live", "This lot is not open for bidding."]
    case "cancelled":
      return ["auction_closed", "The lot was cancelled."]
    default: {
      // sold | unsold: late by the time since the lot ended (its end, or a buy-now before it).
      const ended = Math.min(
        new Date(lot.closed_at ?? lot.db_now).getTime(),
        new Date(lot.ends_at ?? lot.db_now).getTime()
      )
      return ["auction_closed", `The lot is ${lot.status}.`, { late_by_ms: Math.max(0, lot.db_now.getTime() - ended) }]
    }
  }
}

async function findByIdempotencyKey(trx: Knex.Transaction, input: PlaceBidInput): Promise<AcceptedBid | null> {
  const row = await trx("live_auction_bid")
    .where({ auction_id: input.auction_id, customer_id: input.customer_id, idempotency_key: input.idempotency_key })
    .first()
  if (!row) {
    return null
  }
  return {
    id: row.id,
    kind: row.kind,
    amount: Number(row.amount),
    outcome: row.outcome,
    price_after: Number(row.price_after),
    seq: row.seq,
    is_prebid: row.is_prebid,
    created_at: iso(row.created_at),
  }
}

function bidEvents(
  before: LotRow,
  after: LotRow & { db_now: Date },
  bid: AcceptedBid,
  customerId: string,
  extended: boolean,
  bought: boolean
): OutboxEvent[] {
  const events: OutboxEvent[] = [
    {
      auction_id: after.id,
      seq: bid.seq,
      name: LiveAuctionEvents.BID_PLACED,
      payload: {
        bid_id: bid.id,
        customer_id: customerId,
        bidder: bidderHandle(after.id, customerId),
        outcome: bid.outcome,
        price: bid.price_after,
        bid_count: after.bid_count,
        leader: bidderHandle(after.id, after.leader_customer_id),
        previous_leader_customer_id: before.leader_customer_id,
        ends_at: after.ends_at ? iso(after.ends_at) : null,
        server_time: iso(after.db_now),
      },
    },
  ]
  let seq = bid.seq
  if (extended) {
    events.push({
      auction_id: after.id,
      seq: ++seq,
      name: LiveAuctionEvents.EXTENDED,
      payload: { ends_at: iso(after.ends_at!), extension_count: after.extension_count, server_time: iso(after.db_now) },
    })
  }
  if (bought) {
    events.push({
      auction_id: after.id,
      seq: ++seq,
      name: LiveAuctionEvents.CLOSED,
      payload: closedPayload(after),
    })
  }
  return events
}

export function closedPayload(lot: LotRow & { db_now?: Date }) {
  return {
    status: lot.status,
    winner_customer_id: lot.winner_customer_id,
    winner: bidderHandle(lot.id, lot.winner_customer_id),
    hammer_price: lot.hammer_price === null ? null : Number(lot.hammer_price),
    currency_code: lot.currency_code,
    show_id: lot.show_id,
    closed_at: lot.closed_at ? iso(lot.closed_at) : null,
    server_time: iso(lot.db_now ?? new Date()),
  }
}

export function iso(value: Date | string): string {
  return new Date(value).toISOString()
}
