import { loadRealtimeConfig } from "../../src/realtime/config"
import { createRealtimeServer, type RealtimeServer } from "../../src/realtime/server"
import { createOutboxReader } from "../../src/realtime/transport/outbox-reader"
import { listenToPostgres } from "../../src/realtime/transport/pg-listener"

export type AppSidecar = { server: RealtimeServer; url: string; close: () => Promise<void> }

/**
 * A real sidecar beside a test file's Medusa: it LISTENs on the app's database (the NOTIFY
 * transport), reads its outbox, and verifies tokens with the app's JWT secret. `env` adds
 * REALTIME_* / MEDUSA_* settings (e.g. MEDUSA_URL for chat:send).
 */
export async function startAppSidecar(clientUrl: string, jwtSecret: string, env: Record<string, string> = {}): Promise<AppSidecar> {
  const reader = createOutboxReader(clientUrl)
  const config = loadRealtimeConfig({ REALTIME_PORT: "0", REALTIME_HOST: "127.0.0.1", JWT_SECRET: jwtSecret, ...env })
  const server = createRealtimeServer(config, { reader })
  const port = await server.listen()
  const listener = await listenToPostgres(clientUrl, {
    onEvent: server.publish,
    onNotice: server.notify,
    onShowUpdate: server.showUpdate,
    onChat: server.chat,
    onResync: server.resync,
  })
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await listener.close()
      await server.close()
      await reader.close()
    },
  }
}
