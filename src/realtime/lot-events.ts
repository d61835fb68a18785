import { LiveAuctionEvents, rooms, type LotBroadcast, type LotEvent, type Notice, type PublishedEvent, type StreamDelivery, type StreamEventName } from "./contract"

/** Only price updates may be conflated; starts, extensions, closes and the rest never are. */
export const CONFLATABLE: ReadonlySet<StreamEventName> = new Set(["bid:placed"])

/** What every viewer of a lot sees of one of its events: pseudonyms and prices, never a customer id or a max. */
export function lotBroadcast(e: LotEvent): LotBroadcast {
  const p = e.payload
  const base = { auction_id: p.auction_id, auction_seq: p.seq, show_id: p.show_id, server_time: p.server_time }
  switch (e.name) {
    case LiveAuctionEvents.STARTED:
      return { event: "auction:started", payload: { ...base, started_at: e.payload.started_at, ends_at: e.payload.ends_at } }
    case LiveAuctionEvents.BID_PLACED: {
      const { bid_id, bidder, outcome, price, bid_count, leader, ends_at } = e.payload
      return { event: "bid:placed", payload: { ...base, bid_id, bidder, outcome, price, bid_count, leader, ends_at } }
    }
    case LiveAuctionEvents.EXTENDED:
      return { event: "auction:extended", payload: { ...base, ends_at: e.payload.ends_at, extension_count: e.payload.extension_count } }
    case LiveAuctionEvents.CLOSED: {
      const { status, winner, hammer_price, currency_code, closed_at } = e.payload
      return { event: "auction:closed", payload: { ...base, status, winner, hammer_price, currency_code, closed_at } }
    }
    case LiveAuctionEvents.CANCELLED:
      return { event: "auction:cancelled", payload: base }
    case LiveAuctionEvents.RERUN:
      return { event: "auction:rerun", payload: { ...base, run: e.payload.run } }
  }
}

/** A broadcast placed in one room at its seq there. */
function inRoom(broadcast: LotBroadcast, room: string, seq: number): StreamDelivery {
  // Spreading a union loses the link between `event` and its payload; the broadcast kept it.
  return { room, seq, event: broadcast.event, payload: { ...broadcast.payload, room, seq } } as StreamDelivery
}

/** The public deliveries of one lot event: to its lot's room and, when in a show, the show's. */
export function publicDeliveries(published: PublishedEvent): StreamDelivery[] {
  const broadcast = lotBroadcast(published)
  const out = [inRoom(broadcast, rooms.auction(published.auction_id), published.seq)]
  if (published.show_id && published.show_seq) {
    const inShow = { ...broadcast, payload: { ...broadcast.payload, show_id: published.show_id } } as LotBroadcast
    out.push(inRoom(inShow, rooms.show(published.show_id), published.show_seq))
  }
  return out
}

/** Private notices a lot event causes: "you were outbid", "you won". Not conflated, not replayed. */
export function privateNotices(published: PublishedEvent): Notice<"auction:outbid" | "auction:won">[] {
  const { auction_id, seq } = published
  if (published.name === LiveAuctionEvents.BID_PLACED) {
    const p = published.payload
    const tookLead = p.outcome === "leading" || p.outcome === "bought"
    if (p.previous_leader_customer_id && tookLead && p.previous_leader_customer_id !== p.customer_id) {
      return [
        {
          customer_id: p.previous_leader_customer_id,
          event: "auction:outbid",
          payload: { auction_id, seq, price: p.price, server_time: p.server_time },
        },
      ]
    }
  }
  if (published.name === LiveAuctionEvents.CLOSED) {
    const p = published.payload
    if (p.status === "sold" && p.winner_customer_id && p.hammer_price !== null) {
      return [
        {
          customer_id: p.winner_customer_id,
          event: "auction:won",
          payload: { auction_id, seq, hammer_price: p.hammer_price, currency_code: p.currency_code, server_time: p.server_time },
        },
      ]
    }
  }
  return []
}
