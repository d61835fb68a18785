import { LiveSettlementEvents, type LiveSettlementEventName } from "../../modules/auctions/events"
import type { PrivateNotice } from "../../realtime/contract/transport"
import type { OfferEventData } from "./settle"

/** Settlement events the buyer is told about live. */
export type SettlementNoticeName = Exclude<LiveSettlementEventName, "live_auction.paid" | "live_auction.offered_to_runner_up">

export const SETTLEMENT_NOTICE_NAMES: SettlementNoticeName[] = [
  LiveSettlementEvents.PAYMENT_DUE,
  LiveSettlementEvents.PAYMENT_REMINDER,
  LiveSettlementEvents.CHARGE_FAILED,
  LiveSettlementEvents.FORFEITED,
]

/** The buyer's notice for a settlement event: exactly its socket event's payload. */
export function settlementNotice(name: SettlementNoticeName, o: OfferEventData): PrivateNotice {
  const base = {
    auction_id: o.auction_id,
    offer_id: o.id,
    rank: o.rank,
    amount: o.amount,
    currency_code: o.currency_code,
    due_at: o.due_at,
    cart_id: o.cart_id,
    server_time: new Date().toISOString(),
  }
  switch (name) {
    case LiveSettlementEvents.PAYMENT_DUE:
      return { customer_id: o.customer_id, event: "auction:payment_due", payload: base }
    case LiveSettlementEvents.PAYMENT_REMINDER:
      return { customer_id: o.customer_id, event: "auction:payment_reminder", payload: base }
    case LiveSettlementEvents.FORFEITED:
      return { customer_id: o.customer_id, event: "auction:forfeited", payload: base }
    case LiveSettlementEvents.CHARGE_FAILED:
      return {
        customer_id: o.customer_id,
        event: "auction:charge_failed",
        payload: { ...base, charge_status: o.charge_status ?? "failed", reason: o.reason ?? null },
      }
  }
}

