import type { LiveAuctionEventName, LotEventPayloads, PublishedEvent } from "../../src/realtime/contract"

type Common = "auction_id" | "seq" | "show_id" | "server_time"
type Body<N extends LiveAuctionEventName> = Omit<LotEventPayloads[N], Common>

const LATER = "2030-01-01T00:00:00.000Z"

/** A plausible body for each lot event; tests override what they are about. */
const DEFAULTS: { [N in LiveAuctionEventName]: Body<N> } = {
  "live_auction.started": { started_at: new Date().toISOString(), ends_at: LATER },
  "live_auction.bid_placed": {
    bid_id: "bid_01TEST",
    customer_id: "cus_01BIDDER",
    bidder: "bidder-aaaaaa",
    outcome: "leading",
    price: 5,
    bid_count: 1,
    leader: "bidder-aaaaaa",
    previous_leader_customer_id: null,
    ends_at: LATER,
  },
  "live_auction.extended": { ends_at: LATER, extension_count: 1 },
  "live_auction.closed": {
    status: "sold",
    winner_customer_id: null,
    winner: null,
    hammer_price: null,
    currency_code: "usd",
    closed_at: new Date().toISOString(),
  },
  "live_auction.cancelled": {},
  "live_auction.rerun": { run: 2 },
}

/**
 * A lot event as the relay publishes it, typed by the contract: the lot's `seq`, the given body
 * over the defaults, in a show when `show` is given.
 */
export function publishedEvent<N extends LiveAuctionEventName>(
  auction_id: string,
  seq: number,
  name: N,
  body: Partial<Body<N>> = {},
  show?: { id: string; seq: number }
): PublishedEvent {
  const payload = { ...DEFAULTS[name], ...body, auction_id, seq, show_id: show?.id ?? null, server_time: new Date().toISOString() }
  return { auction_id, seq, name, payload, show_id: show?.id ?? null, show_seq: show?.seq ?? null } as PublishedEvent
}
