import Redis from "ioredis"
import { REDIS_EVENTS_CHANNEL, type LiveMessage } from "../../../realtime/contract/transport"

export type RedisTransport = {
  send: (messages: LiveMessage[]) => Promise<void>
  close: () => Promise<void>
}

/**
 * Publishes live messages to the sidecars over Redis pub/sub, one Redis message per call.
 * Fails fast while Redis is away (no offline queue): the caller then keeps what it was publishing
 * (the outbox relay leaves the events unpublished and retries them every second), so nothing is
 * lost, only delayed.
 */
export function createRedisTransport(redisUrl: string): RedisTransport {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  })
  // Connection errors surface through send(); the event would otherwise be unhandled.
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
    send: async (messages) => {
      await ready()
      await redis.publish(REDIS_EVENTS_CHANNEL, JSON.stringify(messages))
    },
    close: async () => {
      redis.disconnect()
    },
  }
}
