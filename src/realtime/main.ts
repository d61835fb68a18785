#!/usr/bin/env node
/**
 * The realtime sidecar process: `npm run realtime` here, or
 * `npx live-commerce-realtime` where the plugin is installed.
 */
import { loadRealtimeConfig } from "./config"
import { createRealtimeServer } from "./server"

async function main() {
  const config = loadRealtimeConfig()
  const server = createRealtimeServer(config)
  const port = await server.listen()
  console.log(`realtime: listening on http://${config.host}:${port} (path ${config.path})`)

  const stop = async (signal: string) => {
    console.log(`realtime: ${signal}, closing`)
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
