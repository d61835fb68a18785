/** Declared once, in the realtime contract (names and payloads); re-exported for the module's code. */
export {
  LiveAuctionEvents,
  LiveSettlementEvents,
  type LiveAuctionEventName,
  type LiveSettlementEventName,
} from "../../realtime/contract/live-events"
