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
