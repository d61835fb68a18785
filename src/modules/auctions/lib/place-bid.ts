import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { AuctionErrorCode } from "../../../realtime/contract/errors"
import type { StoreBid } from "../../../realtime/contract/store-api"
import { decideBid, type BidKind } from "../utils/bidding"
import { biddingState, bidderHandle, publicLot, type LotDefaults, type LotRow, type PublicLot } from "./lot-row"
import { BID_WRITE_SQL, bidWriteParams } from "./bid-write-sql"
import type { LiveAuctionEvents } from "../events"
import type { OutboxPayload } from "./outbox"

export type PlaceBidInput = {
  auction_id: string
  customer_id: string
  kind: BidKind
  /** Ignored for buy_now. */
  amount: number
  idempotency_key: string
}

/** An accepted bid as its bidder sees it (the contract's StoreBid). */
export type AcceptedBid = StoreBid

export type PlaceBidResult =
  | { accepted: true; bid: AcceptedBid; lot: PublicLot; extended: boolean; server_time: string }
  | {
      accepted: false
      code: AuctionErrorCode | "not_found"
      message: string
      lot: PublicLot | null
      server_time: string
      /** For bids that arrived after the close: how late, by the server's clock. */
      late_by_ms?: number
    }

export type BidSnapshot = LotRow & {
  db_now: Date
  bidder_blocked: boolean
  payment_overdue: boolean
  previous_bid: Record<string, any> | null
}

/** Enough for any real storm: every round, one of the competing bids wins. */
const MAX_ATTEMPTS = 200

/**
 * Decides one bid. Optimistic, with the database as the arbiter:
 * 1. read the lot (plus the bidder's block and an earlier bid with the same key) in one query;
 * 2. decide in TypeScript (pure, see utils/bidding.ts);
 * 3. write the lot, the bid and the outbox events in ONE statement, conditional on the lot's
 *    `seq` being the one decided on, the lot still open and its end not passed by the DB clock.
 * If another bid got in between, the statement changes nothing and we decide again on the
 * new state. No lock is held while JavaScript runs, so a hot lot's throughput is bounded by
 * the database, not by the event loop; two bids can never both take a price (one `seq` each),
 * and a bid racing the close is either in or out (`ends_at > clock_timestamp()` at write time).
 */
export async function placeBid(
  knex: Knex,
  input: PlaceBidInput,
  defaults: LotDefaults,
  firstRead?: BidSnapshot
): Promise<PlaceBidResult> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const lot = attempt === 0 && firstRead ? firstRead : await readSnapshot(knex, input)
    if (!lot?.id) {
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

    if (lot.bidder_blocked) {
      return reject("bidder_blocked", "You cannot bid at the moment. Contact support if you think this is a mistake.")
    }
    if (lot.payment_overdue) {
      return reject("payment_overdue", "You have a won lot past its payment deadline. Pay for it to bid again.")
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

    const bidId = generateEntityId(undefined, "bid")
    let rows: (LotRow & { db_now: Date })[]
    try {
      ;({ rows } = await knex.raw(BID_WRITE_SQL, bidWriteParams({ lot, input, decision, bidId, defaults })))
    } catch (err) {
      if ((err as { code?: string }).code === "23505") {
        // A bid with this key is already stored (the request record guards the key first, so
        // only a record lost with a crash gets here): refuse rather than write it twice.
        return reject("idempotency_conflict", "This idempotency key was already used for a bid.")
      }
      throw err
    }
    const after = rows[0]
    if (!after) {
      // Another bid or the close got in first: decide again on the new state.
      continue
    }
    const bid: AcceptedBid = {
      id: bidId,
      kind: input.kind,
      amount: decision.bid_amount,
      outcome: decision.outcome,
      price_after: decision.price,
      seq: lot.seq + 1,
      is_prebid: lot.status === "scheduled",
      created_at: iso(after.db_now),
    }
    const extended = after.extension_count > lot.extension_count
    return { accepted: true, bid, lot: publicLot(after, defaults), extended, server_time: iso(after.db_now) }
  }
  throw new MedusaError(
    MedusaError.Types.UNEXPECTED_STATE,
    `placeBid: lot ${input.auction_id} changed ${MAX_ATTEMPTS} times while deciding one bid`
  )
}

/**
 * Everything a bid is decided on, in one read: the lot, the database clock, whether the bidder is
 * blocked or owes a payment, and a bid already stored under this key (a crash between the bid and
 * its answer being recorded). `:id`, `:customer` and `:key` are bound by the caller.
 */
export const BID_SNAPSHOT_SELECT = `select l.*, clock_timestamp() as db_now,
       exists(select 1 from live_bidder_block b where b.customer_id = :customer and b.deleted_at is null
              and (b.expires_at is null or b.expires_at > clock_timestamp())) as bidder_blocked,
       exists(select 1 from live_lot_offer o where o.customer_id = :customer and o.status = 'pending'
              and o.due_at < clock_timestamp() and o.deleted_at is null) as payment_overdue,
       (select row_to_json(p) from (
          select id, kind, amount, outcome, price_after, seq, is_prebid, created_at from live_auction_bid
          where auction_id = l.id and customer_id = :customer and idempotency_key = :key and deleted_at is null
        ) p) as previous_bid`

async function readSnapshot(knex: Knex, input: PlaceBidInput): Promise<BidSnapshot | undefined> {
  const { rows } = await knex.raw(`${BID_SNAPSHOT_SELECT} from live_auction l where l.id = :id and l.deleted_at is null`, {
    id: input.auction_id,
    customer: input.customer_id,
    key: input.idempotency_key,
  })
  return rows[0]
}

/** The bid stored under this request's key, as its bidder saw it when it was accepted. */
export function storedBid(previous: Record<string, any>): AcceptedBid {
  return {
    id: previous.id,
    kind: previous.kind,
    amount: Number(previous.amount),
    outcome: previous.outcome,
    price_after: Number(previous.price_after),
    seq: previous.seq,
    is_prebid: previous.is_prebid,
    created_at: iso(previous.created_at),
  }
}

function checkStatus(lot: BidSnapshot, input: PlaceBidInput): [AuctionErrorCode, string, { late_by_ms?: number }?] | null {
  const now = lot.db_now.getTime()
  switch (lot.status) {
    case "live":
      if (lot.ends_at && new Date(lot.ends_at).getTime() <= now) {
        return ["auction_closed", "The lot closed before your bid arrived.", { late_by_ms: now - new Date(lot.ends_at).getTime() }]
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
      const ended = Math.min(new Date(lot.closed_at ?? now).getTime(), new Date(lot.ends_at ?? now).getTime())
      return ["auction_closed", `The lot is ${lot.status}.`, { late_by_ms: Math.max(0, now - ended) }]
    }
  }
}

/** The `closed` event of a lot that has just closed (sold or unsold). */
export function closedPayload(lot: LotRow & { db_now?: Date }): OutboxPayload<typeof LiveAuctionEvents.CLOSED> {
  if ((lot.status !== "sold" && lot.status !== "unsold") || !lot.closed_at) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Lot ${lot.id} is ${lot.status}, not closed.`)
  }
  return {
    status: lot.status,
    winner_customer_id: lot.winner_customer_id,
    winner: bidderHandle(lot.id, lot.winner_customer_id),
    hammer_price: lot.hammer_price === null ? null : Number(lot.hammer_price),
    currency_code: lot.currency_code,
    show_id: lot.show_id,
    closed_at: iso(lot.closed_at),
    server_time: iso(lot.db_now ?? new Date()),
  }
}

export function iso(value: Date | string): string {
  return new Date(value).toISOString()
}
