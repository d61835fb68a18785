import type { Metrics } from "./metrics"
import type { RealtimeIo } from "./server"

type EngineConn = {
  writeBuffer?: { data?: string | ArrayBufferLike }[]
  transport?: { socket?: { bufferedAmount?: number; terminate?: () => void } }
  close: (discard?: boolean) => void
}

/** Bytes waiting for one client: engine.io's queue plus what the WebSocket has not yet written. */
export function waitingBytes(conn: EngineConn): number {
  let bytes = conn.transport?.socket?.bufferedAmount ?? 0
  for (const packet of conn.writeBuffer ?? []) {
    const data = packet.data
    bytes += typeof data === "string" ? data.length : (data?.byteLength ?? 0)
  }
  return bytes
}

/**
 * Disconnects clients that stopped reading once their buffer passes `maxBytes`, so one stuck
 * phone cannot grow the sidecar's memory. They reconnect and rejoin with `last_seq`.
 */
export function sweepSlowConsumers(io: RealtimeIo, maxBytes: number, metrics: Metrics): number {
  let dropped = 0
  for (const socket of io.of("/").sockets.values()) {
    const conn = socket.conn as unknown as EngineConn
    if (waitingBytes(conn) > maxBytes) {
      dropped++
      metrics.slowConsumers.inc(1)
      // A graceful close would wait for the very buffer that is stuck: cut the connection.
      conn.transport?.socket?.terminate?.()
      conn.close(true)
    }
  }
  return dropped
}
