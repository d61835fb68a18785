export { Auction } from "./auction"
export { AuctionEvent } from "./auction-event"
export { Bid } from "./bid"
export { BidderBlock } from "./bidder-block"
