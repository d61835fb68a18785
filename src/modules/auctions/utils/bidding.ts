import type { BidIncrementStep } from "../../../lib/options"
import type { AuctionErrorCode } from "../../../realtime/contract/errors"
import type { BidKind, BidOutcome } from "../../../realtime/contract/store-api"
import { fromUnits, toUnits } from "./money"

/** The part of a lot that decides a bid (prices in main units). */
export type BiddingState = {
  starting_price: number
  reserve_price: number | null
  buy_now_price: number | null
  increments: BidIncrementStep[]
  current_price: number | null
  leader_customer_id: string | null
  leader_max: number | null
  bid_count: number
}

/**
 * straight: "I bid exactly this" (Whatnot's custom bid).
 * max: a proxy bid, eBay-style; the system bids for you up to it.
 * buy_now: take the lot at its buy-now price.
 * Outcomes: leading (the bidder leads now); outbid (accepted, but an earlier, higher or equal max
 * answered it); max_raised (the leader raised their own max; the visible price did not move,
 * unless to meet the reserve); bought (buy-now: the lot is sold to the bidder).
 * Declared once in the contract, which storefronts import.
 */
export type { BidKind, BidOutcome }

export type BidRequest = { customer_id: string; kind: BidKind; amount: number }

export type BidDecision =
  | {
      accepted: true
      outcome: BidOutcome
      /** The visible price after this bid. */
      price: number
      leader_customer_id: string
      leader_max: number
      /** What this bid is recorded at (its own max for max bids). */
      bid_amount: number
    }
  | { accepted: false; code: AuctionErrorCode; message: string; min_next_bid: number }

/** The smallest increment there is: a cent. Validation refuses less; a lot stored before it did not. */
const MIN_INCREMENT = 0.01

/** The increment that applies at `price`: the last step whose `from` is ≤ price (never below a cent). */
export function incrementAt(increments: BidIncrementStep[], price: number): number {
  let step = increments[0]
  for (const candidate of increments) {
    if (candidate.from <= price) {
      step = candidate
    }
  }
  // Below a cent the price would not move, and equal bids would be accepted again and again.
  return Math.max(step.increment, MIN_INCREMENT)
}

/** The lowest amount the next bid may be: the starting price, or the price plus its increment. */
export function minimumNextBid(state: BiddingState): number {
  if (state.current_price === null || state.bid_count === 0) {
    return state.starting_price
  }
  return add(state.current_price, incrementAt(state.increments, state.current_price))
}

/**
 * Decides one bid against the lot's current state, following eBay's proxy rules:
 * visible price = min(leader's max, second max + increment); the earliest max wins a tie;
 * raising your own max does not raise the price. Pure: the caller holds the lot's lock.
 */
export function decideBid(state: BiddingState, bid: BidRequest): BidDecision {
  const minNext = minimumNextBid(state)
  const reject = (code: AuctionErrorCode, message: string): BidDecision => ({
    accepted: false,
    code,
    message,
    min_next_bid: minNext,
  })

  if (bid.kind === "buy_now") {
    return decideBuyNow(state, bid, reject)
  }

  const isLeader = state.leader_customer_id === bid.customer_id && state.leader_max !== null
  if (isLeader) {
    if (bid.kind === "straight") {
      return reject("already_leading", "You are already the highest bidder.")
    }
    if (toUnits(bid.amount) <= toUnits(state.leader_max!)) {
      return reject("bid_too_low", `Your new maximum must be higher than your current maximum of ${state.leader_max}.`)
    }
    const price = meetReserve(state, state.current_price ?? state.starting_price, bid.amount)
    return accepted("max_raised", price, bid.customer_id, bid.amount, bid.amount)
  }

  if (toUnits(bid.amount) < toUnits(minNext)) {
    return reject("bid_too_low", `The next bid must be at least ${minNext}.`)
  }

  // No leader yet: the first bid leads. A max bid opens at the starting price.
  if (state.leader_customer_id === null || state.leader_max === null) {
    const opening = bid.kind === "straight" ? bid.amount : meetReserve(state, state.starting_price, bid.amount)
    return accepted("leading", opening, bid.customer_id, bid.amount, bid.amount)
  }

  const leaderMax = state.leader_max
  if (toUnits(bid.amount) > toUnits(leaderMax)) {
    // The challenger takes the lead. A straight bid sets the price it names; a max bid
    // goes one increment past the old leader's max, capped by its own max.
    const price =
      bid.kind === "straight"
        ? bid.amount
        : meetReserve(state, min(bid.amount, add(leaderMax, incrementAt(state.increments, leaderMax))), bid.amount)
    return accepted("leading", price, bid.customer_id, bid.amount, bid.amount)
  }

  // The leader's max answers: one increment past this bid, capped by the leader's max.
  // An equal max leaves the price at that max and the earlier bidder in the lead.
  const price = min(leaderMax, add(bid.amount, incrementAt(state.increments, bid.amount)))
  return {
    accepted: true,
    outcome: "outbid",
    price,
    leader_customer_id: state.leader_customer_id,
    leader_max: leaderMax,
    bid_amount: bid.amount,
  }
}

function decideBuyNow(
  state: BiddingState,
  bid: BidRequest,
  reject: (code: AuctionErrorCode, message: string) => BidDecision
): BidDecision {
  const buyNow = state.buy_now_price
  if (buyNow === null) {
    return reject("buy_now_unavailable", "This lot has no buy-now price.")
  }
  // Once bidding passes the buy-now price, buying at it would undercut the bidders.
  if (state.current_price !== null && toUnits(state.current_price) >= toUnits(buyNow)) {
    return reject("buy_now_unavailable", "Bidding has passed the buy-now price.")
  }
  return accepted("bought", buyNow, bid.customer_id, buyNow, buyNow)
}

/** eBay: a max bid at or above the reserve lifts the price to the reserve at once. */
function meetReserve(state: BiddingState, price: number, bidderMax: number): number {
  const reserve = state.reserve_price
  if (reserve !== null && toUnits(price) < toUnits(reserve) && toUnits(bidderMax) >= toUnits(reserve)) {
    return reserve
  }
  return price
}

function accepted(
  outcome: BidOutcome,
  price: number,
  leader: string,
  leaderMax: number,
  bidAmount: number
): BidDecision {
  return { accepted: true, outcome, price, leader_customer_id: leader, leader_max: leaderMax, bid_amount: bidAmount }
}

function add(a: number, b: number): number {
  return fromUnits(toUnits(a) + toUnits(b))
}

function min(a: number, b: number): number {
  return toUnits(a) <= toUnits(b) ? a : b
}
