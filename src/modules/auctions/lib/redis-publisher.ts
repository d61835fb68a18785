import Redis from "ioredis"
import { REDIS_EVENTS_CHANNEL, type TransportMessage } from "../../../realtime/contract/transport"
import { toWireEvent, type ClaimedEvent } from "./outbox"

export type RealtimePublisher = {
  publish: (events: ClaimedEvent[]) => Promise<void>
  /** Private notices and show status changes, on the same channel (`{ notice }`, `{ show }`). */
  send: (messages: TransportMessage[]) => Promise<void>
  close: () => Promise<void>
}

/**
 * Publishes relayed lot events to the sidecars over Redis pub/sub, one message per batch.
 * Fails fast while Redis is away (no offline queue): the relay then keeps the events
 * unpublished and the relay loop retries them every second, so nothing is lost, only delayed.
 */
export function createRedisPublisher(redisUrl: string): RealtimePublisher {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  })
  // Connection errors surface through publish(); the event would otherwise be unhandled.
  redis.on("error", () => undefined)
  let connecting: Promise<void> | null = null
  const ready = () => {
    if (redis.status === "ready") {
      return Promise.resolve()
    }
    if (redis.status === "wait") {
      connecting ??= redis.connect().finally(() => (connecting = null))
      return connecting
    }
    return Promise.reject(new Error(`redis is ${redis.status}`))
  }
  return {
    publish: async (events) => {
      await ready()
      await redis.publish(REDIS_EVENTS_CHANNEL, JSON.stringify(events.map(toWireEvent)))
    },
    send: async (messages) => {
      await ready()
      await redis.publish(REDIS_EVENTS_CHANNEL, JSON.stringify(messages))
    },
    close: async () => {
      redis.disconnect()
    },
  }
}
