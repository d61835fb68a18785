import { rooms, type ServerToClientEvents } from "./contract"
import { RoomLog } from "./room-log"
import type { PublishedEvent } from "./transport/outbox-event"
import type { RealtimeIo } from "./server"

type SocketEventName = keyof ServerToClientEvents

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

export type Fanout = {
  publish: (event: PublishedEvent) => void
  log: (room: string) => RoomLog | undefined
}

/** Delivers committed lot events to their `auction:<id>` room, in order, once each. */
export function createFanout(io: RealtimeIo, capacity = 500): Fanout {
  const logs = new Map<string, RoomLog>()
  return {
    log: (room) => logs.get(room),
    publish: (published) => {
      const mapping = PUBLIC_EVENTS[published.name]
      if (!mapping) {
        return
      }
      const room = rooms.auction(published.auction_id)
      const payload: Record<string, unknown> = { room, auction_id: published.auction_id, seq: published.seq }
      for (const field of mapping.fields) {
        if (field in published.payload) {
          payload[field] = published.payload[field]
        }
      }
      let log = logs.get(room)
      if (!log) {
        log = new RoomLog(capacity)
        logs.set(room, log)
      }
      if (log.push({ seq: published.seq, event: mapping.event, payload })) {
        io.to(room).emit(mapping.event, payload as never)
      }
    },
  }
}
