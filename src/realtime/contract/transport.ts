/** The PostgreSQL NOTIFY channel Medusa's outbox relay publishes lot events on (no Redis configured). */
export const PG_EVENTS_CHANNEL = "live_commerce_events"
