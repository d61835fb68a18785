/** The PostgreSQL NOTIFY channel Medusa's outbox relay publishes lot events on (no Redis configured). */
export const PG_EVENTS_CHANNEL = "live_commerce_events"

/** The Redis pub/sub channel the relay publishes on when the plugin has `realtime.redisUrl`. */
export const REDIS_EVENTS_CHANNEL = "live_commerce:events"

/**
 * A committed lot event as the relay publishes it (one per NOTIFY, a JSON array per Redis
 * message): the outbox row, plus its place in its show's stream when the lot is in a show.
 */
export type PublishedEvent = {
  auction_id: string
  /** The lot's seq: strictly increasing per lot. */
  seq: number
  /** A `live_auction.*` name. */
  name: string
  payload: Record<string, unknown>
  show_id?: string | null
  show_seq?: number | null
}

/** Private settlement notices Medusa sends a customer (socket event names in `user:<id>`). */
export const PRIVATE_NOTICE_EVENTS = [
  "auction:payment_due",
  "auction:payment_reminder",
  "auction:charge_failed",
  "auction:forfeited",
] as const
export type PrivateNoticeEvent = (typeof PRIVATE_NOTICE_EVENTS)[number]

/**
 * A notice for one customer, on the same channels as lot events (`{ notice }` messages). Not part
 * of any stream: best effort, like `auction:outbid`; the durable record is the Store API.
 */
export type PrivateNotice = { customer_id: string; event: PrivateNoticeEvent; payload: Record<string, unknown> }

/** A show's lifecycle, declared once: the streams module's model, the APIs and the sidecar use it. */
export const SHOW_STATUSES = ["scheduled", "live", "ended", "cancelled"] as const
export type ShowStatus = (typeof SHOW_STATUSES)[number]

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
}

/** What Medusa sends the sidecars besides lot events. */
export type TransportMessage = { notice: PrivateNotice } | { show: ShowUpdate }
