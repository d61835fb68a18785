import { z } from "zod"

const RealtimeEnv = z.object({
  REALTIME_PORT: z.coerce.number().int().min(0).max(65535).default(9001),
  REALTIME_HOST: z.string().min(1).default("0.0.0.0"),
  REALTIME_PATH: z.string().startsWith("/").default("/socket.io"),
  /** Comma-separated origins allowed to connect from a browser; "*" for any. */
  REALTIME_CORS_ORIGINS: z.string().default("*"),
  /** Medusa's database: lot events arrive by LISTEN/NOTIFY when no Redis is configured. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL").optional(),
})

export type RealtimeConfig = {
  port: number
  host: string
  path: string
  corsOrigins: string[] | "*"
  databaseUrl?: string
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
    corsOrigins:
      e.REALTIME_CORS_ORIGINS === "*"
        ? "*"
        : e.REALTIME_CORS_ORIGINS.split(",").map((o) => o.trim()).filter(Boolean),
  }
}
