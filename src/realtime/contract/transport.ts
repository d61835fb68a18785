import type { ChatUpdate } from "./chat"
import type { Notice, NoticeEventName } from "./deliveries"
import { LiveAuctionEvents, type LotEvent } from "./live-events"

/** The PostgreSQL NOTIFY channel Medusa's outbox relay publishes lot events on (no Redis configured). */
export const PG_EVENTS_CHANNEL = "live_commerce_events"

/** The Redis pub/sub channel the relay publishes on when the plugin has `realtime.redisUrl`. */
export const REDIS_EVENTS_CHANNEL = "live_commerce:events"

/**
 * A committed lot event as the relay publishes it (one per NOTIFY, a JSON array per Redis
 * message): the outbox row (a `live_auction.*` name and exactly its payload), plus its place in
 * its show's stream when the lot is in a show.
 */
export type PublishedEvent = LotEvent & {
  auction_id: string
  /** The lot's seq: strictly increasing per lot. */
  seq: number
  show_id?: string | null
  show_seq?: number | null
}

const LOT_EVENT_NAMES = new Set<string>(Object.values(LiveAuctionEvents))

/**
 * A lot event read off the wire or the outbox table: `null` unless it names a lot event of the
 * contract with its lot and seq. The payload is what Medusa wrote, typed when it was built (the
 * bid statement and the lot transitions), so it is taken as that event's; the lot, seq and show
 * are set from the row, which is authoritative.
 */
export function toPublishedEvent(row: unknown): PublishedEvent | null {
  const e = row as { auction_id?: unknown; seq?: unknown; name?: unknown; payload?: unknown; show_id?: unknown; show_seq?: unknown } | null
  if (typeof e?.auction_id !== "string" || !Number.isInteger(e.seq) || typeof e.name !== "string" || !LOT_EVENT_NAMES.has(e.name)) {
    return null
  }
  const inShow = typeof e.show_id === "string" && Number.isInteger(e.show_seq)
  const payload = typeof e.payload === "object" && e.payload !== null ? e.payload : {}
  const showId = inShow ? (e.show_id as string) : null
  return {
    auction_id: e.auction_id,
    seq: e.seq as number,
    name: e.name,
    payload: { show_id: showId, ...payload, auction_id: e.auction_id, seq: e.seq },
    show_id: showId,
    show_seq: inShow ? (e.show_seq as number) : null,
  } as PublishedEvent
}

/** Private settlement notices Medusa sends a customer (socket event names in `user:<id>`). */
export const PRIVATE_NOTICE_EVENTS = [
  "auction:payment_due",
  "auction:payment_reminder",
  "auction:charge_failed",
  "auction:forfeited",
] as const satisfies readonly NoticeEventName[]
export type PrivateNoticeEvent = (typeof PRIVATE_NOTICE_EVENTS)[number]

/**
 * A notice for one customer, on the same channels as lot events (`{ notice }` messages), keyed by
 * its event. Not part of any stream: best effort, like `auction:outbid`; the durable record is
 * the Store API.
 */
export type PrivateNotice = Notice<PrivateNoticeEvent>

/** A show's lifecycle, declared once: the streams module's model, the APIs and the sidecar use it. */
export const SHOW_STATUSES = ["scheduled", "live", "ended", "cancelled"] as const
export type ShowStatus = (typeof SHOW_STATUSES)[number]

/** Whether the seller's video reaches LiveKit: "reconnecting" after a drop, "lost" once the grace period passed. */
export const PUBLISHER_STATUSES = ["offline", "connected", "reconnecting", "lost"] as const
export type PublisherStatus = (typeof PUBLISHER_STATUSES)[number]

/** A show's recording (LiveKit egress to S3): "ready" once `recording_url` is set. */
export const RECORDING_STATUSES = ["none", "recording", "ready", "failed"] as const
export type RecordingStatus = (typeof RECORDING_STATUSES)[number]

/**
 * A show went live, ended or was cancelled (`{ show }` messages on the same channels): the
 * sidecars tell its viewers (`show:<id>`) and its seller (`seller:<id>`). Not part of any stream:
 * best effort; the durable state is `GET /store/shows/:id`.
 */
export type ShowUpdate = {
  show_id: string
  seller_id: string
  status: ShowStatus
  started_at: string | null
  ended_at: string | null
  /** The seller's video: connected, dropped (reconnecting), gone past the grace period (lost). */
  publisher_status: PublisherStatus
  /** The show's recording once LiveKit's egress finished writing it, else null. */
  recording_url: string | null
}

/** What Medusa sends the sidecars besides lot events. */
export type TransportMessage = { notice: PrivateNotice } | { show: ShowUpdate } | { chat: ChatUpdate }

/**
 * Everything the live-events pipeline carries to the sidecars (`modules/live-events`): a relayed
 * lot event, a private notice or a show's new status. One NOTIFY each, or a JSON array of them in
 * one Redis message; the sidecar reads both (`transport/outbox-event.ts`).
 */
export type LiveMessage = PublishedEvent | TransportMessage
