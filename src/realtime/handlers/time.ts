import type { Socket } from "socket.io"
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from "../contract"

type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>

export function registerTimeHandlers(socket: RealtimeSocket) {
  socket.on("time:sync", (ack) => {
    // A client that sends no callback gets nothing back; there is nothing to fail.
    if (typeof ack !== "function") {
      return
    }
    ack({ ok: true, data: { server_time: Date.now() } })
  })
}
