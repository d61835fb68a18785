import { hostname } from "node:os"
import { z } from "zod"

/** An empty variable (`REDIS_URL=` in a .env file) means unset. */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional())

const RealtimeEnv = z.object({
  REALTIME_PORT: z.coerce.number().int().min(0).max(65535).default(9001),
  REALTIME_HOST: z.string().min(1).default("0.0.0.0"),
  REALTIME_PATH: z.string().startsWith("/").default("/socket.io"),
  /** Comma-separated origins allowed to connect from a browser; "*" for any. */
  REALTIME_CORS_ORIGINS: z.string().default("*"),
  /**
   * Medusa's database: the durable event log (catch-up after any loss) and, when no Redis is
   * configured, the transport (LISTEN/NOTIFY).
   */
  DATABASE_URL: unsetIfEmpty(z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")),
  /** Lot events arrive over Redis pub/sub, and N sidecars share rooms through the Redis adapter. */
  REDIS_URL: unsetIfEmpty(z.string().regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")),
  /** Medusa's JWT secret: customer and admin tokens open private rooms. */
  JWT_SECRET: unsetIfEmpty(z.string().min(1)),
  /** Medusa's URL as the sidecar reaches it: `chat:send` goes through its Store API. */
  MEDUSA_URL: unsetIfEmpty(z.string().regex(/^https?:\/\//, "must be an http(s):// URL")),
  /** A publishable key for those Store requests, when a client's handshake does not name one. */
  MEDUSA_PUBLISHABLE_KEY: unsetIfEmpty(z.string().min(1).max(200)),
  /** Names this process in metrics and viewer counts; defaults to host:pid. */
  REALTIME_NODE_ID: z.string().min(1).max(100).optional(),
  /** Events kept per room for rejoining clients. */
  REALTIME_REPLAY_BUFFER: z.coerce.number().int().min(1).max(100_000).default(500),
  /** At most this many price updates per second per room (the latest always goes out). */
  REALTIME_PRICE_UPDATES_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(10),
  /** A client with more than this many bytes waiting to be written is disconnected. */
  REALTIME_MAX_CLIENT_BUFFER_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  /** How often viewer counts are exchanged and published. */
  REALTIME_VIEWERS_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
  /** Room joins one connection may make at once (a page following many lots), before the sustained rate applies. */
  REALTIME_JOIN_BURST: z.coerce.number().int().min(1).max(10_000).default(50),
  /** Room joins per second one connection may make, sustained; more are refused `rate_limited`. */
  REALTIME_JOINS_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(10),
})

export type RealtimeConfig = {
  port: number
  host: string
  path: string
  corsOrigins: string[] | "*"
  databaseUrl?: string
  redisUrl?: string
  jwtSecret?: string
  medusaUrl?: string
  publishableKey?: string
  nodeId: string
  replayBuffer: number
  priceUpdatesPerSecond: number
  maxClientBufferBytes: number
  viewersIntervalMs: number
  joinBurst: number
  joinsPerSecond: number
}

/** Reads the sidecar's settings from the environment, failing with one line per bad variable. */
export function loadRealtimeConfig(env: NodeJS.ProcessEnv = process.env): RealtimeConfig {
  const parsed = RealtimeEnv.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)
    throw new Error(`realtime: invalid environment: ${lines.join("; ")}`)
  }
  const e = parsed.data
  return {
    port: e.REALTIME_PORT,
    host: e.REALTIME_HOST,
    path: e.REALTIME_PATH,
    databaseUrl: e.DATABASE_URL || undefined,
    redisUrl: e.REDIS_URL || undefined,
    jwtSecret: e.JWT_SECRET || undefined,
    medusaUrl: e.MEDUSA_URL?.replace(/\/+$/, "") || undefined,
    publishableKey: e.MEDUSA_PUBLISHABLE_KEY || undefined,
    nodeId: e.REALTIME_NODE_ID ?? `${hostname()}:${process.pid}`,
    replayBuffer: e.REALTIME_REPLAY_BUFFER,
    priceUpdatesPerSecond: e.REALTIME_PRICE_UPDATES_PER_SECOND,
    maxClientBufferBytes: e.REALTIME_MAX_CLIENT_BUFFER_BYTES,
    viewersIntervalMs: e.REALTIME_VIEWERS_INTERVAL_MS,
    joinBurst: e.REALTIME_JOIN_BURST,
    joinsPerSecond: e.REALTIME_JOINS_PER_SECOND,
    corsOrigins:
      e.REALTIME_CORS_ORIGINS === "*"
        ? "*"
        : e.REALTIME_CORS_ORIGINS.split(",").map((o) => o.trim()).filter(Boolean),
  }
}
