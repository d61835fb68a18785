/**
 * The system under test, each part a child process this harness can kill -9 and start again:
 * its own database on the system PostgreSQL, its own redis-server (no persistence, so a
 * restart comes back empty), Medusa (`medusa develop`) and the realtime sidecar, all on 127.0.0.1.
 */
import { createWriteStream, type WriteStream } from "node:fs"
import { mkdtemp, rm } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { Client, Pool } from "pg"
import { runToCompletion, startChild, waitForHttp, type Child } from "../../scripts/lib/processes"
import { freePort, isListening, ROOT } from "../helpers/launcher"
import { startRedis, startSidecarProcess } from "../helpers/services"

const MEDUSA = path.join(ROOT, "node_modules", ".bin", "medusa")

const pg = {
  // Loopback by address: "localhost" may resolve to ::1 first.
  host: !process.env.DB_HOST || process.env.DB_HOST === "localhost" ? "127.0.0.1" : process.env.DB_HOST,
  port: Number(process.env.DB_PORT || 5432),
  user: process.env.DB_USERNAME || "postgres",
  password: process.env.DB_PASSWORD || "",
}

export type Part = "medusa" | "sidecar" | "redis"

export type Stack = {
  medusaUrl: string
  realtimeUrl: string
  /** For the checks and the load's view of which lots are live (read-only). */
  db: Pool
  /** Where each process writes its output (kept when a check fails). */
  logDir: string
  /** Starts a part; resolves once it serves (Medusa: /health 200, sidecar: subscribed, Redis: accepting). */
  start: (part: Part) => Promise<void>
  /** SIGKILL to the part's whole process group (`medusa develop` forks the real server), then waits until its port is free. */
  kill: (part: Part) => Promise<void>
  /** Writes a line into every process log, to line them up with what the harness did. */
  note: (text: string) => void
  /** Stops everything and drops the database; logs stay when `failed` (and, with FAULTS_KEEP=true, the database too). */
  stop: (failed: boolean) => Promise<void>
}

/** Creates the database, migrates it, seeds the demo shop, then starts Redis, Medusa and the sidecar. */
export async function startStack(): Promise<Stack> {
  const database = `live_faults_${Date.now()}`
  const logDir = await mkdtemp(path.join(os.tmpdir(), "live-faults-"))
  const [redisPort, medusaPort, realtimePort] = [await freePort(), await freePort(), await freePort()]
  const password = pg.password ? `:${encodeURIComponent(pg.password)}` : ""
  const databaseUrl = `postgres://${pg.user}${password}@${pg.host}:${pg.port}/${database}`
  const redisUrl = `redis://127.0.0.1:${redisPort}`
  const jwtSecret = `faults-jwt-${Math.random().toString(36).slice(2)}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    NODE_OPTIONS: "",
    MEDUSA_DISABLE_TELEMETRY: "true",
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    JWT_SECRET: jwtSecret,
    COOKIE_SECRET: `faults-cookie-${Math.random().toString(36).slice(2)}`,
    PORT: String(medusaPort),
    REALTIME_PORT: String(realtimePort),
    ADMIN_DISABLED: "true",
    WORKER_MODE: "shared",
  }
  const sidecarEnv = {
    REDIS_URL: redisUrl,
    DATABASE_URL: databaseUrl,
    JWT_SECRET: jwtSecret,
    REALTIME_PORT: String(realtimePort),
    REALTIME_NODE_ID: "faults",
    // Not conflated: every price update must reach every viewer, so every event is checkable.
    REALTIME_PRICE_UPDATES_PER_SECOND: "1000",
    NODE_ENV: "development",
    NODE_OPTIONS: "",
  }

  const admin = new Client({ ...pg, database: "postgres" })
  await admin.connect()
  await admin.query(`create database "${database}"`)
  await admin.end()

  const logs = new Map<string, WriteStream>()
  process.stdout.write(`database ${database}, logs in ${logDir}\n`)
  const logTo = (name: string) => {
    if (!logs.has(name)) {
      logs.set(name, createWriteStream(path.join(logDir, `${name}.log`), { flags: "a" }))
    }
    const stream = logs.get(name)!
    return (line: string) => void stream.write(`${new Date().toISOString()} ${line}\n`)
  }
  const children = new Map<Part, Child>()
  const ports: Record<Part, number> = { medusa: medusaPort, sidecar: realtimePort, redis: redisPort }

  const parts: Record<Part, () => Promise<Child>> = {
    redis: () => startRedis(redisPort),
    medusa: async () => {
      const child = startChild("medusa", MEDUSA, ["develop", "--no-lint"], { cwd: ROOT, env, echo: false, onLine: logTo("medusa") })
      // Polled every 100 ms: the time to /health is a recovery figure.
      await waitForHttp(`http://127.0.0.1:${medusaPort}/health`, 180_000, child.exited, 100).catch((err) => {
        killGroup(child)
        throw err
      })
      return child
    },
    sidecar: async () => (await startSidecarProcess({ ...sidecarEnv, REALTIME_HOST: "127.0.0.1" }, logTo("sidecar"))).child,
  }

  const stack: Stack = {
    medusaUrl: `http://127.0.0.1:${medusaPort}`,
    realtimeUrl: `http://127.0.0.1:${realtimePort}`,
    db: new Pool({ connectionString: databaseUrl, max: 4 }),
    logDir,
    start: async (part) => {
      stack.note(`starting ${part}`)
      children.set(part, await parts[part]())
      stack.note(`${part} ready`)
    },
    kill: async (part) => {
      const child = children.get(part)
      children.delete(part)
      stack.note(`kill -9 ${part}`)
      killGroup(child)
      await child?.exited
      await untilFree(ports[part])
    },
    note: (text) => ["medusa", "sidecar"].forEach((name) => logTo(name)(`[faults] ${text}`)),
    stop: async (failed) => {
      for (const part of ["medusa", "sidecar", "redis"] as Part[]) {
        await stack.kill(part)
      }
      await stack.db.end()
      const keep = process.env.FAULTS_KEEP === "true"
      const client = new Client({ ...pg, database: "postgres" })
      await client.connect()
      await client.query(keep ? "select 1" : `drop database if exists "${database}" with (force)`)
      await client.end()
      logs.forEach((stream) => stream.end())
      if (!failed && !keep) {
        await rm(logDir, { recursive: true, force: true })
      }
    },
  }

  // Migrations and the demo shop (region in USD, sales channel, admin, publishable key) first.
  const once = { cwd: ROOT, env, echo: false }
  try {
    await stack.start("redis")
    await runToCompletion("migrate", MEDUSA, ["db:migrate"], { ...once, onLine: logTo("migrate") })
    await runToCompletion("seed", MEDUSA, ["exec", "./scripts/seed/run.ts"], { ...once, onLine: logTo("seed") })
    const started = await Promise.allSettled([stack.start("medusa"), stack.start("sidecar")])
    started.forEach((s) => {
      if (s.status === "rejected") {
        throw s.reason
      }
    })
  } catch (err) {
    await stack.stop(true)
    throw new Error(`${(err as Error).message}\n(logs in ${logDir})`)
  }
  return stack
}

function killGroup(child: Child | undefined) {
  try {
    process.kill(-child!.process.pid!, "SIGKILL")
  } catch {
    // not started, or already gone
  }
}

/** A killed listener's port is free at once; this only guards against a straggler in the group. */
async function untilFree(port: number) {
  const deadline = Date.now() + 10_000
  while ((await isListening(port)) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50))
  }
}
