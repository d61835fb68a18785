/** The PostgreSQL NOTIFY channel Medusa's outbox relay publishes lot events on (no Redis configured). */
export const PG_EVENTS_CHANNEL = "live_commerce_events"

/** The Redis pub/sub channel the relay publishes on when the plugin has `realtime.redisUrl`. */
export const REDIS_EVENTS_CHANNEL = "live_commerce:events"
