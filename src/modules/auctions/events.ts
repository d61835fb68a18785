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
