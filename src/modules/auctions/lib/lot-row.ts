import { createHash } from "node:crypto"
import type { BidIncrementStep } from "../../../lib/options"
import type { StoreAuction } from "../../../realtime/contract/store-api"
import type { BiddingState } from "../utils/bidding"
import { minimumNextBid } from "../utils/bidding"

/** A `live_auction` row as raw SQL returns it (numerics as strings). */
export type LotRow = {
  id: string
  title: string
  status: "draft" | "scheduled" | "live" | "sold" | "unsold" | "cancelled"
  show_id: string | null
  product_variant_id: string | null
  seller_customer_id: string | null
  currency_code: string
  starting_price: string
  reserve_price: string | null
  buy_now_price: string | null
  increments: BidIncrementStep[] | null
  duration_seconds: number
  soft_close_seconds: number | null
  soft_close_mode: "extend" | "reset"
  extend_seconds: number | null
  max_extensions: number | null
  extension_count: number
  sudden_death: boolean
  allow_prebids: boolean
  started_at: Date | null
  ends_at: Date | null
  closed_at: Date | null
  current_price: string | null
  leader_customer_id: string | null
  leader_max: string | null
  bid_count: number
  winner_customer_id: string | null
  hammer_price: string | null
  run: number
  seq: number
}

export type LotDefaults = { increments: BidIncrementStep[]; softCloseSeconds: number }

export function num(value: string | number | null): number | null {
  return value === null || value === undefined ? null : Number(value)
}

/** What Medusa keeps beside a bigNumber column (`raw_<name>`). */
export function rawNumber(value: number | null) {
  return value === null ? null : JSON.stringify({ value: String(value), precision: 20 })
}

export function biddingState(row: LotRow, defaults: LotDefaults): BiddingState {
  return {
    starting_price: Number(row.starting_price),
    reserve_price: num(row.reserve_price),
    buy_now_price: num(row.buy_now_price),
    increments: row.increments ?? defaults.increments,
    current_price: num(row.current_price),
    leader_customer_id: row.leader_customer_id,
    leader_max: num(row.leader_max),
    bid_count: row.bid_count,
  }
}

/** A stable pseudonym for a bidder on one lot: readable, not linkable across lots. */
export function bidderHandle(auctionId: string, customerId: string | null): string | null {
  if (!customerId) {
    return null
  }
  return `bidder-${createHash("sha256").update(`${auctionId}:${customerId}`).digest("hex").slice(0, 6)}`
}

/** The lot as anyone may see it (the contract's StoreAuction): no maxes, no reserve amount, no customer ids. */
export type PublicLot = StoreAuction

/** Fields anyone may see that are worked out from private ones (the max, the reserve, who leads). */
export type ComputedPublicFields = Pick<PublicLot, "min_next_bid" | "reserve_met" | "leader" | "winner">

/** The private columns each computed field is worked out from (a Query read asks for them, then drops them). */
export const COMPUTED_FIELD_SOURCES: Record<keyof ComputedPublicFields, (keyof LotRow | "reserve_price")[]> = {
  min_next_bid: ["starting_price", "current_price", "bid_count", "increments"],
  reserve_met: ["reserve_price", "current_price"],
  leader: ["id", "leader_customer_id"],
  winner: ["id", "winner_customer_id"],
}

type ComputedSource = Pick<LotRow, "id" | "starting_price" | "current_price" | "bid_count" | "increments" | "reserve_price"> &
  Partial<Pick<LotRow, "leader_customer_id" | "winner_customer_id" | "leader_max" | "buy_now_price">>

export function computedPublicFields(row: ComputedSource, defaults: LotDefaults): ComputedPublicFields {
  const state = biddingState(row as LotRow, defaults)
  const reserve = num(row.reserve_price)
  return {
    min_next_bid: minimumNextBid(state),
    reserve_met: reserve === null ? null : (state.current_price ?? 0) >= reserve,
    leader: bidderHandle(row.id, row.leader_customer_id ?? null),
    winner: bidderHandle(row.id, row.winner_customer_id ?? null),
  }
}

export function publicLot(row: LotRow, defaults: LotDefaults): PublicLot {
  const computed = computedPublicFields(row, defaults)
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    show_id: row.show_id,
    product_variant_id: row.product_variant_id,
    currency_code: row.currency_code,
    starting_price: Number(row.starting_price),
    current_price: num(row.current_price),
    min_next_bid: computed.min_next_bid,
    buy_now_price: num(row.buy_now_price),
    reserve_met: computed.reserve_met,
    bid_count: row.bid_count,
    leader: computed.leader,
    ends_at: row.ends_at ? new Date(row.ends_at).toISOString() : null,
    extension_count: row.extension_count,
    sudden_death: row.sudden_death,
    hammer_price: num(row.hammer_price),
    winner: computed.winner,
    run: row.run,
    seq: row.seq,
  }
}
