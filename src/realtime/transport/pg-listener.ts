import { Client } from "pg"
import { PG_EVENTS_CHANNEL } from "../contract/transport"
import { dispatchTransportMessage, type TransportSinks } from "./outbox-event"

/** A transport feeding the sidecar; `onResync` runs after a reconnect (anything may have been missed). */
export type Listener = { close: () => Promise<void> }
/** Lot events, and on the same channel private notices and show status changes. */
export type TransportHandlers = TransportSinks & {
  onResync?: () => void
  log?: (message: string) => void
}

/**
 * Receives Medusa's committed lot events through PostgreSQL LISTEN/NOTIFY (the transport when
 * no Redis is configured: one sidecar). Reconnects with backoff if the connection drops.
 */
export async function listenToPostgres(
  databaseUrl: string,
  handlers: TransportHandlers
): Promise<Listener> {
  const { onResync, log = () => undefined } = handlers
  let closed = false
  let client: Client | null = null
  let retry: NodeJS.Timeout | null = null

  const connect = async (): Promise<void> => {
    const next = new Client({ connectionString: databaseUrl })
    next.on("notification", (msg) => dispatchTransportMessage(msg.payload ?? "", handlers))
    next.on("error", (err) => {
      log(`realtime: postgres listener error: ${err.message}`)
      scheduleReconnect()
    })
    next.on("end", () => scheduleReconnect())
    await next.connect()
    await next.query(`LISTEN ${PG_EVENTS_CHANNEL}`)
    client = next
  }

  let delay = 250
  const scheduleReconnect = () => {
    if (closed || retry) {
      return
    }
    client = null
    retry = setTimeout(async () => {
      retry = null
      try {
        await connect()
        delay = 250
        onResync?.()
      } catch (err) {
        log(`realtime: postgres listener reconnect failed: ${(err as Error).message}`)
        delay = Math.min(delay * 2, 5000)
        scheduleReconnect()
      }
    }, delay)
  }

  await connect()
  return {
    close: async () => {
      closed = true
      if (retry) {
        clearTimeout(retry)
      }
      await client?.end().catch(() => undefined)
    },
  }
}
