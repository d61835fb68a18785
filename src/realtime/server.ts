import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { Server } from "socket.io"
import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
} from "./contract"
import type { RealtimeConfig } from "./config"
import { createFanout } from "./fanout"
import { registerRoomHandlers } from "./handlers/rooms"
import { registerTimeHandlers } from "./handlers/time"
import type { PublishedEvent } from "./transport/outbox-event"

export type RealtimeIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>

export type RealtimeServer = {
  io: RealtimeIo
  /** Hands a committed lot event (from the transport) to its room. */
  publish: (event: PublishedEvent) => void
  /** Resolves with the bound port (useful with port 0). */
  listen(): Promise<number>
  close(): Promise<void>
}

/** Builds the sidecar: an HTTP server for probes plus the Socket.io server on it. */
export function createRealtimeServer(config: RealtimeConfig): RealtimeServer {
  const startedAt = Date.now()
  const http = createServer((req, res) => handleHttp(req, res, io, startedAt))
  const io: RealtimeIo = new Server(http, {
    path: config.path,
    cors: { origin: config.corsOrigins },
    serveClient: false,
  })

  const fanout = createFanout(io)

  io.on("connection", (socket) => {
    socket.data.connected_at = Date.now()
    registerTimeHandlers(socket)
    registerRoomHandlers(socket, fanout)
  })

  return {
    io,
    publish: fanout.publish,
    listen: () =>
      new Promise((resolve, reject) => {
        http.once("error", reject)
        http.listen(config.port, config.host, () => resolve((http.address() as AddressInfo).port))
      }),
    close: () =>
      new Promise((resolve) => {
        io.close(() => resolve())
      }),
  }
}

function handleHttp(req: IncomingMessage, res: ServerResponse, io: RealtimeIo, startedAt: number) {
  if (req.method === "GET" && req.url === "/healthz") {
    res.writeHead(200, { "content-type": "application/json" })
    res.end(
      JSON.stringify({
        status: "ok",
        connections: io.engine.clientsCount,
        uptime_ms: Date.now() - startedAt,
      })
    )
    return
  }
  // Socket.io answers its own path before this handler runs; anything else is unknown.
  if (!req.url?.startsWith(io.path())) {
    res.writeHead(404, { "content-type": "application/json" })
    res.end(JSON.stringify({ status: "not_found" }))
  }
}
