#!/usr/bin/env node
/**
 * The realtime sidecar process: `npm run realtime` here, or
 * `npx live-commerce-realtime` where the plugin is installed.
 */
import { loadRealtimeConfig } from "./config"
import { createRealtimeServer } from "./server"
import { listenToPostgres, type Listener } from "./transport/pg-listener"

async function main() {
  const config = loadRealtimeConfig()
  const server = createRealtimeServer(config)
  const port = await server.listen()
  console.log(`realtime: listening on http://${config.host}:${port} (path ${config.path})`)
  let listener: Listener | undefined
  if (config.databaseUrl) {
    listener = await listenToPostgres(config.databaseUrl, server.publish, (m) => console.warn(m))
    console.log("realtime: receiving lot events from PostgreSQL (LISTEN/NOTIFY)")
  }

  const stop = async (signal: string) => {
    console.log(`realtime: ${signal}, closing`)
    await listener?.close()
    await server.close()
    process.exit(0)
  }
  process.once("SIGINT", () => void stop("SIGINT"))
  process.once("SIGTERM", () => void stop("SIGTERM"))
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
