import type { z } from "zod"
import type { Ack } from "./ack"
import type { ChatEventPayloads, ChatMessage } from "./chat"
import type { ClientEventName, ClientToServerPayloads } from "./payloads"
import type { PublisherStatus, ShowStatus } from "./transport"

/**
 * Every event of a room's ordered stream carries the room, its `seq` in that room, the seq of
 * the event delivered before it in that room (`prev_seq`) and the server's clock (ISO 8601).
 * A client has missed something exactly when `prev_seq` is above the last seq it saw; it then
 * rejoins with `last_seq`. (Price updates may be conflated, so seqs can skip without a gap.)
 */
export type RoomEventMeta = { room: string; seq: number; prev_seq: number; server_time: string }

/**
 * A lot's public state change. In `auction:<id>`, `seq` is the lot's own; in `show:<id>`,
 * `seq` is the show's stream and `auction_seq` the lot's.
 */
export type LotEventBase = RoomEventMeta & { auction_id: string; auction_seq: number; show_id?: string | null }

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

/** How many people watch a show right now, across every sidecar. Presence, not part of the stream. */
export type ShowViewersEvent = { room: string; show_id: string; viewers: number; server_time: string }

/** A show went live, ended or was cancelled (in `show:<id>` and the seller's `seller:<id>`). */
export type ShowStatusEvent = {
  room: string
  show_id: string
  status: ShowStatus
  started_at: string | null
  ended_at: string | null
  /** The seller's video in LiveKit: "reconnecting" after a drop, "lost" past the grace period. */
  publisher_status: PublisherStatus
  /** The recording, once LiveKit's egress has written it (replay of a past show). */
  recording_url: string | null
  server_time: string
}

/** Private notices in `user:<customer id>`; `seq` is the lot's. The durable record is the Store API. */
export type OutbidNotice = { room: string; auction_id: string; seq: number; price: number; server_time: string }
export type WonNotice = {
  room: string
  auction_id: string
  seq: number
  hammer_price: number
  currency_code: string
  server_time: string
}

/** Sent by the server. */
export interface ServerToClientEvents {
  /** A bid was accepted (possibly answered at once by the leader's max). May be conflated (≤ 10/s per room). */
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
  /**
   * Live viewer count of a show, sent when it changes: to its viewers (room `show:<id>`) and to the
   * seller running it (room `seller:<admin user id>`, one event per show being watched; 0 when the
   * last viewer left). Sent on joining either room too.
   */
  "show:viewers": (event: ShowViewersEvent) => void
  /**
   * The show went live, ended or was cancelled, or its video changed: the seller's connection
   * (`publisher_status`) or the recording (rooms `show:<id>` and `seller:<id>`). Best effort,
   * not part of the stream: on (re)joining, read the show's state from `GET /store/shows/:id`.
   */
  "show:status": (event: ShowStatusEvent) => void
  /** You were the leader and someone else now leads (room `user:<you>`). */
  "auction:outbid": (event: OutbidNotice) => void
  /** You won a lot (room `user:<you>`); checkout follows. */
  "auction:won": (event: WonNotice) => void
  /** A lot is in your cart, to pay by `due_at` (you won it, or it was offered to you as runner-up). */
  "auction:payment_due": (event: PaymentNotice) => void
  /** Your deadline for a lot is near. */
  "auction:payment_reminder": (event: PaymentNotice) => void
  /** Your saved card was not charged (declined, or your bank wants you): pay in `cart_id`. */
  "auction:charge_failed": (event: ChargeFailedNotice) => void
  /** Your deadline passed: the lot went to someone else and bidding is closed to you. */
  "auction:forfeited": (event: SettlementNoticeBase) => void
  /** A chat message was stored (room `show:<id>`); `message.seq` numbers the show's chat for catch-up. */
  "chat:message": (event: ChatEventPayloads["chat:message"]) => void
  /** A moderator deleted a message: drop it (it is gone from history too). */
  "chat:deleted": (event: ChatEventPayloads["chat:deleted"]) => void
  /** The pinned message changed (`message: null`: unpinned). */
  "chat:pinned": (event: ChatEventPayloads["chat:pinned"]) => void
  /** A question was answered or dismissed: the message with its `question_state` and `answer_text`. */
  "chat:question_answered": (event: ChatEventPayloads["chat:question_answered"]) => void
  /** Slow mode changed: one message per `slow_mode_seconds` per viewer (0: off). */
  "chat:slow_mode": (event: ChatEventPayloads["chat:slow_mode"]) => void
  /** You were muted in a show until `until` (room `user:<you>`). */
  "chat:muted": (event: ChatEventPayloads["chat:muted"]) => void
  /** You were removed from a show's chat, or blocked by its seller (room `user:<you>`). */
  "chat:removed": (event: ChatEventPayloads["chat:removed"]) => void
  /** A mute, removal or block of yours was lifted (room `user:<you>`): read your standing again. */
  "chat:restored": (event: ChatEventPayloads["chat:restored"]) => void
}

/** Settlement notices in `user:<customer id>`: about one offer to buy a won lot. */
export type SettlementNoticeBase = {
  room: string
  auction_id: string
  offer_id: string
  /** 0: you won it; 1, 2…: offered to you as a runner-up. */
  rank: number
  amount: number
  currency_code: string
  due_at: string
  cart_id: string | null
  server_time: string
}
export type PaymentNotice = SettlementNoticeBase
export type ChargeFailedNotice = SettlementNoticeBase & {
  charge_status: "declined" | "action_required" | "failed"
  reason: string | null
}

export type JoinRoomResult = {
  room: string
  /** The room's latest seq on this server. */
  seq: number
  /** Events re-sent before this ack (those after `last_seq`). */
  replayed: number
  /** `last_seq` is older than the server's buffer: reload the state over HTTP, then follow from `seq`. */
  snapshot_required: boolean
}

/** What each client→server call answers with: the `data` of its ok ack. */
export interface ClientToServerResults {
  /**
   * Reads the server clock so clients can correct countdowns:
   * offset ≈ server_time + round_trip / 2 − local_time.
   */
  "time:sync": { server_time: number }
  /** Joins a room; with `last_seq`, the events after it are replayed first (or a snapshot is due). */
  "room:join": JoinRoomResult
  "room:leave": { room: string }
  /** The stored message, as `POST /store/shows/:id/chat/messages` answers. */
  "chat:send": { message: ChatMessage }
}

/**
 * Sent by clients: the arguments declared in `ClientToServerPayloads`, then the ack. Every call
 * is answered through its ack, exactly once.
 */
export type ClientToServerEvents = {
  [E in ClientEventName]: (...args: [...z.input<(typeof ClientToServerPayloads)[E]>, ack: Ack<ClientToServerResults[E]>]) => void
}

/** Between sidecar processes (through the Redis adapter). */
export interface InterServerEvents {
  /** A node's local viewer count per show, sent periodically; peers sum the fresh ones. */
  "viewers:counts": (report: { node: string; counts: Record<string, number>; at: number }) => void
}

/**
 * Who is connected: a Medusa customer, an admin user, or an anonymous viewer. `staff` marks an
 * admin user whose token says they are platform staff (`live_role: "staff"`, issued by
 * `POST /admin/live/realtime-token`): they may watch any seller's console room.
 */
export type SocketActor = { type: "customer" | "user"; id: string; staff?: boolean } | null

/** What the server knows about each connection after the handshake. */
export interface SocketData {
  connected_at: number
  actor: SocketActor
  /** A customer's token, kept to send chat through the Store API as them. */
  token?: string
}
