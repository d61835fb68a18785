import type { BidOutcome } from "./store-api"

/*
 * The plugin's events, declared once: names on Medusa's event bus (outbox rows, SQL, workflows,
 * subscribers and the sidecars all use these constants) and what each carries.
 */

/** A lot's state changes: written to the outbox with the change, relayed in `seq` order. */
export const LiveAuctionEvents = {
  STARTED: "live_auction.started",
  BID_PLACED: "live_auction.bid_placed",
  EXTENDED: "live_auction.extended",
  CLOSED: "live_auction.closed",
  CANCELLED: "live_auction.cancelled",
  RERUN: "live_auction.rerun",
} as const

export type LiveAuctionEventName = (typeof LiveAuctionEvents)[keyof typeof LiveAuctionEvents]

/**
 * Settlement (Medusa's event bus only): a sold lot's way to an order. Each carries the offer
 * (`OfferEventData`); rank 0 is the winner, 1… runner-ups.
 */
export const LiveSettlementEvents = {
  /** The lot is in the buyer's cart, to pay by `due_at`. */
  PAYMENT_DUE: "live_auction.payment_due",
  /** A configured reminder before `due_at`. */
  PAYMENT_REMINDER: "live_auction.payment_reminder",
  /** The buyer's order was placed: the lot is paid. */
  PAID: "live_auction.paid",
  /** The deadline passed unpaid: the buyer lost the lot and is blocked from bidding. */
  FORFEITED: "live_auction.forfeited",
  /** The lot was offered to the next runner-up at their own highest bid. */
  OFFERED_TO_RUNNER_UP: "live_auction.offered_to_runner_up",
  /** An off-session charge needs the buyer (authentication) or was declined: they pay at checkout. */
  CHARGE_FAILED: "live_auction.charge_failed",
} as const

export type LiveSettlementEventName = (typeof LiveSettlementEvents)[keyof typeof LiveSettlementEvents]

/** A show's lifecycle on Medusa's event bus, each `{ id }` of the show. */
export const LiveShowEvents = {
  WENT_LIVE: "live_show.went_live",
  ENDED: "live_show.ended",
  CANCELLED: "live_show.cancelled",
  /** Its video changed: the seller's connection (`publisher_status`) or the recording (LiveKit webhooks, the grace check). */
  VIDEO_CHANGED: "live_show.video_changed",
} as const

export type LiveShowEventName = (typeof LiveShowEvents)[keyof typeof LiveShowEvents]

/** What every lot event carries: its lot, its place in the lot's stream, its show, the database clock. */
type LotEventCommon = { auction_id: string; seq: number; show_id: string | null; server_time: string }

/**
 * What each lot event carries, as the outbox stores it and the event bus delivers it. Customer
 * ids are here (subscribers need them): the sidecars' projections (lot-event-deliveries.ts) are
 * what viewers get.
 */
export interface LotEventPayloads {
  "live_auction.started": LotEventCommon & { started_at: string; ends_at: string }
  "live_auction.bid_placed": LotEventCommon & {
    bid_id: string
    customer_id: string
    /** The bidder's pseudonym on this lot. */
    bidder: string
    outcome: BidOutcome
    /** The visible price after the bid. */
    price: number
    bid_count: number
    /** The leader's pseudonym after the bid. */
    leader: string
    /** Who led before: told they were outbid when they no longer do. */
    previous_leader_customer_id: string | null
    ends_at: string | null
  }
  "live_auction.extended": LotEventCommon & { ends_at: string; extension_count: number }
  "live_auction.closed": LotEventCommon & {
    status: "sold" | "unsold"
    winner_customer_id: string | null
    winner: string | null
    hammer_price: number | null
    currency_code: string
    closed_at: string
  }
  "live_auction.cancelled": LotEventCommon
  "live_auction.rerun": LotEventCommon & { run: number }
}

/** One lot event: its name and exactly its payload. */
export type LotEvent = { [N in LiveAuctionEventName]: { name: N; payload: LotEventPayloads[N] } }[LiveAuctionEventName]
