/** Names of the events the auctions module writes to its outbox and Medusa's event bus. */
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
 * Settlement events (Medusa's event bus only): a sold lot's way to an order. Each carries the
 * offer: `{ id, auction_id, run, rank, customer_id, amount, currency_code, show_id, due_at,
 * cart_id, order_id }`; rank 0 is the winner, 1… runner-ups.
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
