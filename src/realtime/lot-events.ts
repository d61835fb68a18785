import { rooms } from "./contract"
import type { Delivery, SocketEventName } from "./room-stream"
import type { PublishedEvent } from "./contract"

/** Bus event → socket event, and the fields viewers may see (never a customer id or a max). */
const PUBLIC_EVENTS: Record<string, { event: SocketEventName; fields: string[] }> = {
  "live_auction.bid_placed": {
    event: "bid:placed",
    fields: ["bid_id", "bidder", "outcome", "price", "bid_count", "leader", "ends_at", "server_time"],
  },
  "live_auction.started": { event: "auction:started", fields: ["started_at", "ends_at", "show_id", "server_time"] },
  "live_auction.extended": { event: "auction:extended", fields: ["ends_at", "extension_count", "server_time"] },
  "live_auction.closed": {
    event: "auction:closed",
    fields: ["status", "winner", "hammer_price", "currency_code", "show_id", "closed_at", "server_time"],
  },
  "live_auction.cancelled": { event: "auction:cancelled", fields: ["show_id", "server_time"] },
  "live_auction.rerun": { event: "auction:rerun", fields: ["run", "show_id", "server_time"] },
}

/** Only price updates may be conflated; starts, extensions, closes and the rest never are. */
export const CONFLATABLE: ReadonlySet<SocketEventName> = new Set(["bid:placed"])

/** The public deliveries of one lot event: to its lot's room and, when in a show, the show's. */
export function publicDeliveries(published: PublishedEvent): Delivery[] {
  const mapping = PUBLIC_EVENTS[published.name]
  if (!mapping) {
    return []
  }
  const fields: Record<string, unknown> = { auction_id: published.auction_id, auction_seq: published.seq }
  for (const field of mapping.fields) {
    if (field in published.payload) {
      fields[field] = published.payload[field]
    }
  }
  const lotRoom = rooms.auction(published.auction_id)
  const out: Delivery[] = [
    { room: lotRoom, seq: published.seq, event: mapping.event, payload: { ...fields, room: lotRoom, seq: published.seq } },
  ]
  if (published.show_id && published.show_seq) {
    const showRoom = rooms.show(published.show_id)
    out.push({
      room: showRoom,
      seq: published.show_seq,
      event: mapping.event,
      payload: { ...fields, show_id: published.show_id, room: showRoom, seq: published.show_seq },
    })
  }
  return out
}

/** Private notices a lot event causes: "you were outbid", "you won". Not conflated, not replayed. */
export function privateDeliveries(published: PublishedEvent): Delivery[] {
  const p = published.payload
  const base = { auction_id: published.auction_id, seq: published.seq, server_time: p.server_time }
  if (published.name === "live_auction.bid_placed") {
    const previous = p.previous_leader_customer_id
    const tookLead = p.outcome === "leading" || p.outcome === "bought"
    if (typeof previous === "string" && tookLead && previous !== p.customer_id) {
      const room = rooms.user(previous)
      return [{ room, seq: published.seq, event: "auction:outbid", payload: { ...base, room, price: p.price } }]
    }
  }
  if (published.name === "live_auction.closed" && p.status === "sold" && typeof p.winner_customer_id === "string") {
    const room = rooms.user(p.winner_customer_id)
    return [
      {
        room,
        seq: published.seq,
        event: "auction:won",
        payload: { ...base, room, hammer_price: p.hammer_price, currency_code: p.currency_code },
      },
    ]
  }
  return []
}
