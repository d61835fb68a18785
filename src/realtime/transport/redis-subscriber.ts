import Redis from "ioredis"
import { REDIS_EVENTS_CHANNEL } from "../contract/transport"
import { dispatchTransportMessage } from "./outbox-event"
import type { Listener, TransportHandlers } from "./pg-listener"

/**
 * Receives lot events over Redis pub/sub (several sidecars). Pub/sub is at most once: after
 * any reconnect the sidecar re-reads what it may have missed from the durable log (`onResync`).
 */
export async function subscribeToRedis(
  redisUrl: string,
  handlers: TransportHandlers
): Promise<Listener> {
  const { onResync, log = () => undefined } = handlers
  const redis = new Redis(redisUrl, {
    // Reconnect forever, quickly: every second away is a second of catch-up later.
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
    maxRetriesPerRequest: null,
  })
  let everReady = false
  redis.on("ready", () => {
    if (everReady) {
      log("realtime: redis subscriber reconnected, catching up from the event log")
      onResync?.()
    }
    everReady = true
  })
  redis.on("error", (err) => log(`realtime: redis subscriber: ${err.message}`))
  redis.on("message", (channel: string, message: string) => {
    if (channel === REDIS_EVENTS_CHANNEL) {
      dispatchTransportMessage(message, handlers)
    }
  })
  await redis.subscribe(REDIS_EVENTS_CHANNEL)
  return {
    close: async () => {
      redis.disconnect()
    },
  }
}
