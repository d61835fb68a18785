export { Auction } from "./auction"
export { Bid } from "./bid"
