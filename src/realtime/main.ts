#!/usr/bin/env node
/**
 * The realtime sidecar process: `npm run realtime` here, or
 * `npx live-commerce-realtime` where the plugin is installed.
 */
import { loadRealtimeConfig } from "./config"
import { createRealtimeServer } from "./server"
import { createOutboxReader } from "./transport/outbox-reader"
import { listenToPostgres, type Listener } from "./transport/pg-listener"
import { subscribeToRedis } from "./transport/redis-subscriber"

async function main() {
  const config = loadRealtimeConfig()
  const log = (message: string) => console.warn(message)
  const reader = config.databaseUrl ? createOutboxReader(config.databaseUrl) : undefined
  const server = createRealtimeServer(config, { reader, log })
  const port = await server.listen()
  console.log(`realtime: ${config.nodeId} listening on http://${config.host}:${port} (path ${config.path})`)

  let listener: Listener | undefined
  const handlers = {
    onEvent: server.publish,
    onNotice: server.notify,
    onShowUpdate: server.showUpdate,
    onChat: server.chat,
    onResync: server.resync,
    log,
  }
  if (config.redisUrl) {
    listener = await subscribeToRedis(config.redisUrl, handlers)
    console.log("realtime: receiving lot events from Redis; rooms shared with other sidecars")
  } else if (config.databaseUrl) {
    listener = await listenToPostgres(config.databaseUrl, handlers)
    console.log("realtime: receiving lot events from PostgreSQL (LISTEN/NOTIFY)")
  } else {
    console.warn("realtime: neither REDIS_URL nor DATABASE_URL is set: no lot events will arrive")
  }
  if (!reader) {
    console.warn("realtime: no DATABASE_URL: lost events cannot be recovered from the event log, and joins to lots and shows are admitted on the id's format and the join rate alone (whether they exist cannot be checked)")
  }

  const stop = async (signal: string) => {
    console.log(`realtime: ${signal}, closing`)
    await listener?.close()
    await server.close()
    await reader?.close()
    process.exit(0)
  }
  process.once("SIGINT", () => void stop("SIGINT"))
  process.once("SIGTERM", () => void stop("SIGTERM"))
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
