import { Pool } from "pg"
import { toPublishedEvent, type PublishedEvent } from "../contract"

/** A room with an ordered stream: a lot's or a show's. */
export type StreamRoom = { kind: "auction" | "show"; id: string }

/** Lot and show ids, by the kind of room they name. */
export type StreamRoomIds = Record<StreamRoom["kind"], string[]>

/** Reads the durable event log (Medusa's outbox table) to fill gaps the transport left. */
export type OutboxReader = {
  /** A room's events after `seq`, oldest first (at most `limit`). */
  after: (room: StreamRoom, seq: number, limit: number) => Promise<PublishedEvent[]>
  /** A room's latest `limit` events, oldest first. */
  tail: (room: StreamRoom, limit: number) => Promise<PublishedEvent[]>
  /** Which of these lots and shows exist (not deleted): one query for the whole batch. */
  existing: (ids: StreamRoomIds) => Promise<StreamRoomIds>
  /** Who runs each of these shows (admin user ids), for the sellers' `seller:<id>` rooms. */
  showSellers: (showIds: string[]) => Promise<Map<string, string>>
  close: () => Promise<void>
}

// The auctions module's outbox (live_auction_event): a lot's events by seq, a show's by show_seq.
// Committed rows are final, so reading them before the relay publishes them is safe.
const COLUMNS = "auction_id, seq, name, payload, show_id, show_seq"
const QUERIES = {
  auction: {
    after: `select ${COLUMNS} from live_auction_event where auction_id = $1 and seq > $2 and deleted_at is null order by seq limit $3`,
    tail: `select * from (select ${COLUMNS} from live_auction_event where auction_id = $1 and deleted_at is null order by seq desc limit $2) t order by seq`,
  },
  show: {
    after: `select ${COLUMNS} from live_auction_event where show_id = $1 and show_seq > $2 and deleted_at is null order by show_seq limit $3`,
    tail: `select * from (select ${COLUMNS} from live_auction_event where show_id = $1 and show_seq is not null and deleted_at is null order by show_seq desc limit $2) t order by show_seq`,
  },
}

// The streams module's shows (live_show): read, like the outbox, straight from Medusa's database.
const SHOW_SELLERS = "select id, seller_id from live_show where id = any($1) and deleted_at is null"

// Lots (live_auction) and shows (live_show) that exist, for admitting joins to their rooms.
const EXISTING = `select 'auction' as kind, id from live_auction where id = any($1) and deleted_at is null
  union all select 'show' as kind, id from live_show where id = any($2) and deleted_at is null`

type Row = { auction_id: string; seq: number; name: string; payload: Record<string, unknown>; show_id: string | null; show_seq: number | null }

export function createOutboxReader(databaseUrl: string): OutboxReader {
  // Small: reads happen after a loss or on a room's first use, not per event.
  const pool = new Pool({ connectionString: databaseUrl, max: 4, idleTimeoutMillis: 30_000 })
  pool.on("error", () => undefined) // an idle client dropping is not fatal: the next query reconnects
  const toEvents = (rows: Row[]): PublishedEvent[] => rows.flatMap((r) => toPublishedEvent(r) ?? [])
  return {
    after: async (room, seq, limit) =>
      toEvents((await pool.query<Row>(QUERIES[room.kind].after, [room.id, seq, limit])).rows),
    tail: async (room, limit) => toEvents((await pool.query<Row>(QUERIES[room.kind].tail, [room.id, limit])).rows),
    showSellers: async (showIds) => {
      const { rows } = await pool.query<{ id: string; seller_id: string }>(SHOW_SELLERS, [showIds])
      return new Map(rows.map((r) => [r.id, r.seller_id]))
    },
    existing: async (ids) => {
      const found: StreamRoomIds = { auction: [], show: [] }
      const { rows } = await pool.query<{ kind: StreamRoom["kind"]; id: string }>(EXISTING, [ids.auction, ids.show])
      rows.forEach((r) => found[r.kind].push(r.id))
      return found
    },
    close: () => pool.end(),
  }
}
