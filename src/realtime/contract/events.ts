import type { Ack } from "./ack"
import type { JoinRoomPayload, LeaveRoomPayload } from "./payloads"

/** Every server→client event carries its room's `seq` and the server's clock (ISO 8601). */
export type RoomEventMeta = { room: string; seq: number; server_time: string }

/** A lot's public state change. `auction_id` and `seq` come from the lot's outbox row. */
export type LotEventBase = RoomEventMeta & { auction_id: string; show_id?: string | null }

export type BidPlacedEvent = LotEventBase & {
  bid_id: string
  /** Pseudonymous handle of the bidder (stable per lot). */
  bidder: string
  outcome: "leading" | "outbid" | "max_raised" | "bought"
  /** The visible price after this bid. */
  price: number
  bid_count: number
  /** Pseudonymous handle of the leader after this bid. */
  leader: string
  ends_at: string | null
}

export type AuctionStartedEvent = LotEventBase & { started_at: string; ends_at: string }
export type AuctionExtendedEvent = LotEventBase & { ends_at: string; extension_count: number }
export type AuctionClosedEvent = LotEventBase & {
  status: "sold" | "unsold"
  winner: string | null
  hammer_price: number | null
  currency_code: string
  closed_at: string
}
export type AuctionCancelledEvent = LotEventBase
export type AuctionRerunEvent = LotEventBase & { run: number }

/** Sent by the server. Room: `auction:<id>` (and the lot's `show:<id>`). */
export interface ServerToClientEvents {
  /** A bid was accepted (possibly answered at once by the leader's max). */
  "bid:placed": (event: BidPlacedEvent) => void
  /** The lot went live; the countdown runs to `ends_at`. */
  "auction:started": (event: AuctionStartedEvent) => void
  /** Soft close moved the end. Never conflated. */
  "auction:extended": (event: AuctionExtendedEvent) => void
  /** The hammer fell: sold (winner, price) or unsold. Never conflated. */
  "auction:closed": (event: AuctionClosedEvent) => void
  "auction:cancelled": (event: AuctionCancelledEvent) => void
  /** An unsold lot is back as a fresh run. */
  "auction:rerun": (event: AuctionRerunEvent) => void
}

/** Sent by clients; every call is answered through its ack. */
export interface ClientToServerEvents {
  /**
   * Reads the server clock so clients can correct countdowns:
   * offset ≈ server_time + round_trip / 2 − local_time.
   */
  "time:sync": (ack: Ack<{ server_time: number }>) => void
  /** Joins a room; with `last_seq`, the events after it are replayed (or a snapshot is due). */
  "room:join": (
    payload: JoinRoomPayload,
    ack: Ack<{ room: string; seq: number; replayed: number; snapshot_required: boolean }>
  ) => void
  "room:leave": (payload: LeaveRoomPayload, ack: Ack<{ room: string }>) => void
}

/** Between sidecar processes (through the adapter). */
export interface InterServerEvents {}

/** What the server knows about each connection after the handshake. */
export interface SocketData {
  connected_at: number
}
