import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { createAdapter } from "@socket.io/redis-adapter"
import Redis from "ioredis"
import { Server } from "socket.io"
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from "./contract"
import { actorFromToken, HandshakeError } from "./auth"
import type { RealtimeConfig } from "./config"
import { createFanout } from "./fanout"
import { chatHandlers } from "./handlers/chat"
import { roomHandlers } from "./handlers/rooms"
import { timeHandlers } from "./handlers/time"
import { registerClientHandlers } from "./handlers/validated"
import { createMetrics, sidecarRegistry } from "./metrics"
import { createPresence } from "./presence"
import { createRoomExistence } from "./room-existence"
import { createShowSellers } from "./show-sellers"
import { sweepSlowConsumers } from "./slow-consumers"
import {
  CHAT_PRIVATE_EVENTS,
  rooms,
  type ChatUpdate,
  type EventPayload,
  type Notice,
  type PrivateNotice,
  type PublishedEvent,
  type ShowUpdate,
} from "./contract"
import { emitEvent } from "./emit"
import type { OutboxReader } from "./transport/outbox-reader"

export type RealtimeIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>

export type RealtimeServer = {
  io: RealtimeIo
  /** Hands a committed lot event (from the transport) to its rooms. */
  publish: (event: PublishedEvent) => void
  /** Hands a private notice (from the transport) to its customer's room on this node. */
  notify: (notice: PrivateNotice) => void
  /** Tells a show's viewers and its seller, on this node, that it went live, ended or was cancelled. */
  showUpdate: (update: ShowUpdate) => void
  /** A chat event to a show's viewers (or, for a private one, its viewer) on this node. */
  chat: (update: ChatUpdate) => void
  /** Re-reads open rooms from the event log (call after the transport reconnects). */
  resync: () => void
  /** Resolves with the bound port (useful with port 0). */
  listen(): Promise<number>
  close(): Promise<void>
}

export type RealtimeDeps = {
  /** The durable event log, for gaps, reconnects and rooms new to this node. */
  reader?: OutboxReader
  log?: (message: string) => void
}

/**
 * The largest frame a client may send. Viewers only send small calls (a room name is at most 80
 * characters); a larger frame is abuse, and the transport closes that connection without parsing it.
 */
export const MAX_FRAME_BYTES = 64 * 1024

const SLOW_CONSUMER_SWEEP_MS = 250
const IDLE_STREAM_MS = 10 * 60_000

/** Builds the sidecar: an HTTP server for probes and metrics plus the Socket.io server on it. */
export function createRealtimeServer(config: RealtimeConfig, deps: RealtimeDeps = {}): RealtimeServer {
  const startedAt = Date.now()
  const metrics = createMetrics()
  const http = createServer((req, res) => handleHttp(req, res))
  const io: RealtimeIo = new Server(http, {
    path: config.path,
    cors: { origin: config.corsOrigins },
    serveClient: false,
    maxHttpBufferSize: MAX_FRAME_BYTES,
  })

  // N sidecars share rooms (and viewer counts) through Redis.
  const adapterClients: Redis[] = []
  if (config.redisUrl) {
    const pub = new Redis(config.redisUrl, { maxRetriesPerRequest: null })
    const sub = pub.duplicate()
    for (const client of [pub, sub]) {
      client.on("error", (err) => deps.log?.(`realtime: redis adapter: ${err.message}`))
      adapterClients.push(client)
    }
    io.adapter(createAdapter(pub, sub, { key: "live-commerce" }))
  }

  /** A private notice to its customer's connections on this node (every sidecar gets every notice). */
  const notify = (notice: Notice) => {
    const room = rooms.user(notice.customer_id)
    // The payload is the notice's event's, with the room it goes to.
    emitEvent(io.local.to(room), notice.event, { ...notice.payload, room } as EventPayload<typeof notice.event>)
    metrics.eventsOut.inc(1)
  }

  const fanout = createFanout(io, {
    capacity: config.replayBuffer,
    pricePerSecond: config.priceUpdatesPerSecond,
    reader: deps.reader,
    metrics,
    notify,
    log: deps.log,
  })
  const reader = deps.reader
  const log = deps.log ?? (() => undefined)
  const sellers = reader ? createShowSellers((ids) => reader.showSellers(ids), deps.log) : undefined
  // Without a database nothing can say whether a lot or show exists: joins are then admitted on
  // the id's format and the join rate alone.
  const existence = reader
    ? createRoomExistence(
        (ids) => {
          metrics.roomLookups.inc(1)
          return reader.existing(ids)
        },
        {},
        log
      )
    : undefined
  const joins = { perSecond: config.joinsPerSecond, burst: config.joinBurst }
  const presence = createPresence(io, config.nodeId, config.viewersIntervalMs, !!config.redisUrl, sellers, deps.log)

  io.use((socket, next) => {
    try {
      socket.data.actor = actorFromToken(socket.handshake.auth?.token, config.jwtSecret)
      if (socket.data.actor?.type === "customer") {
        socket.data.token = socket.handshake.auth.token as string
      }
      socket.data.connected_at = Date.now()
      next()
    } catch (err) {
      metrics.rejectedHandshakes.inc(1)
      next(err instanceof HandshakeError ? err : new HandshakeError("Invalid handshake."))
    }
  })

  io.on("connection", (socket) => {
    // The HTTP request is not needed after the handshake; dropping it saves ~4 KB per viewer.
    ;(socket.conn as unknown as { request: unknown }).request = null
    const handlers = {
      ...timeHandlers(),
      ...roomHandlers(socket, { fanout, presence, existence, joins, metrics }),
      ...chatHandlers(socket, { medusaUrl: config.medusaUrl, publishableKey: config.publishableKey, log }),
    }
    registerClientHandlers(socket, handlers, { metrics, log })
  })

  const timers = [
    setInterval(() => sweepSlowConsumers(io, config.maxClientBufferBytes, metrics), SLOW_CONSUMER_SWEEP_MS),
    setInterval(() => void presence.tick(), config.viewersIntervalMs),
    setInterval(() => fanout.evictIdle(IDLE_STREAM_MS), 60_000),
  ]
  timers.forEach((t) => t.unref())

  /** Rooms with a member here; every socket is also alone in a room named by its id: not rooms. */
  function roomCount() {
    let count = 0
    for (const room of io.of("/").adapter.rooms.keys()) {
      if (!io.of("/").sockets.has(room)) {
        count++
      }
    }
    return count
  }

  const registry = sidecarRegistry(metrics, config.nodeId, {
    connections: () => io.engine.clientsCount,
    rooms: roomCount,
    streams: fanout.streamCount,
  })

  function handleHttp(req: IncomingMessage, res: ServerResponse) {
    if (req.method === "GET" && req.url === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" })
      res.end(
        JSON.stringify({ status: "ok", node: config.nodeId, connections: io.engine.clientsCount, uptime_ms: Date.now() - startedAt })
      )
      return
    }
    if (req.method === "GET" && req.url === "/metrics") {
      registry.metrics().then(
        (text) => {
          res.writeHead(200, { "content-type": registry.contentType })
          res.end(text)
        },
        (err: Error) => {
          log(`realtime: /metrics failed: ${err.message}`)
          res.writeHead(500, { "content-type": "application/json" })
          res.end(JSON.stringify({ status: "error" }))
        }
      )
      return
    }
    // Socket.io answers its own path before this handler runs; anything else is unknown.
    if (!req.url?.startsWith(io.path())) {
      res.writeHead(404, { "content-type": "application/json" })
      res.end(JSON.stringify({ status: "not_found" }))
    }
  }

  return {
    io,
    publish: fanout.publish,
    notify,
    showUpdate: (update) => {
      const { show_id, status, started_at, ended_at, publisher_status, recording_url } = update
      const server_time = new Date().toISOString()
      for (const room of [rooms.show(show_id), rooms.seller(update.seller_id)]) {
        emitEvent(io.local.to(room), "show:status", { room, show_id, status, started_at, ended_at, publisher_status, recording_url, server_time })
      }
      metrics.eventsOut.inc(1)
    },
    chat: (update) => {
      const isPrivate = (CHAT_PRIVATE_EVENTS as readonly string[]).includes(update.event)
      if (isPrivate && !update.customer_id) {
        return
      }
      const room = isPrivate ? rooms.user(update.customer_id!) : rooms.show(update.show_id)
      // The payload is the update's event's (typed where Medusa built it), with its room and clock.
      const payload = { ...update.payload, room, server_time: new Date().toISOString() }
      emitEvent(io.local.to(room), update.event, payload as EventPayload<typeof update.event>)
      metrics.eventsOut.inc(1)
    },
    resync: fanout.resync,
    listen: () =>
      new Promise((resolve, reject) => {
        http.once("error", reject)
        http.listen(config.port, config.host, () => resolve((http.address() as AddressInfo).port))
      }),
    close: async () => {
      timers.forEach(clearInterval)
      existence?.close()
      fanout.close()
      await new Promise<void>((resolve) => io.close(() => resolve()))
      adapterClients.forEach((c) => c.disconnect())
    },
  }
}
