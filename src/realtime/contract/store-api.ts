import type { AuctionErrorCode } from "./errors"

/*
 * The Store API's shapes, for storefronts (`medusa-plugin-live-commerce/realtime/contract`):
 * types only, no runtime code. Prices are decimals in the currency's main unit, as in Medusa;
 * times are ISO 8601 strings.
 */

export type AuctionStatus = "draft" | "scheduled" | "live" | "sold" | "unsold" | "cancelled"

/** A lot as anyone may see it: no maxes, no reserve amount, bidders by pseudonym only. */
export type StoreAuction = {
  id: string
  title: string
  status: AuctionStatus
  show_id: string | null
  product_variant_id: string | null
  currency_code: string
  starting_price: number
  /** The visible price; null before the first bid. */
  current_price: number | null
  /** The lowest amount the next bid may be. */
  min_next_bid: number
  buy_now_price: number | null
  /** Null when the lot has no reserve. */
  reserve_met: boolean | null
  bid_count: number
  /** The leader's pseudonym (`bidder-1a2b3c`, stable per lot). */
  leader: string | null
  ends_at: string | null
  extension_count: number
  sudden_death: boolean
  hammer_price: number | null
  winner: string | null
  run: number
  /** Increases by one on every state change; the realtime events of the lot carry it too. */
  seq: number
}

export type BidKind = "straight" | "max" | "buy_now"
export type BidOutcome = "leading" | "outbid" | "max_raised" | "bought"

/** An accepted bid, as its bidder sees it. */
export type StoreBid = {
  id: string
  kind: BidKind
  /** What the bidder offered: the straight amount, the max, or the buy-now price. */
  amount: number
  outcome: BidOutcome
  /** The lot's visible price right after this bid. */
  price_after: number
  seq: number
  is_prebid: boolean
  created_at: string
}

/** `POST /store/auctions/:id/bids`: exactly one of `amount`, `max_amount` or `buy_now: true`. */
export type StorePlaceBidRequest = {
  amount?: number
  max_amount?: number
  buy_now?: true
  /**
   * Chosen by the client, unique per bid attempt (per customer, across lots). A retry with the
   * same key gets the first answer again, status and body, with the `Idempotent-Replayed: true`
   * header; the same key with another request is a 422 `idempotency_conflict`.
   */
  idempotency_key: string
}

/** 200: the bid was accepted. */
export type StorePlaceBidResponse = {
  bid: StoreBid
  outcome: BidOutcome
  /** Soft close moved the lot's end. */
  extended: boolean
  auction: StoreAuction
  server_time: string
}

/** 400 (refused: `code` says why) or 404 (no such lot): the lot's current state and the server clock. */
export type StoreBidRefusal = {
  type: "not_allowed" | "not_found"
  code: AuctionErrorCode | "not_found"
  message: string
  auction: StoreAuction | null
  server_time: string
  /** For a bid that arrived after the close: how late, by the server's clock. */
  late_by_ms?: number
}

/** Any error of the plugin's routes (Medusa's error body, with the plugin's machine `code`). */
export type StoreErrorBody = {
  type: string
  message: string
  code?: string
}
