/**
 * `npm start`: the whole thing on one machine with only Node.
 * Embedded PostgreSQL (unless DATABASE_URL), migrations, demo data once,
 * Medusa with the Admin, and the realtime sidecar. Ctrl-C stops all of it.
 */
import { mkdtemp, rm } from "node:fs/promises"
import type http from "node:http"
import os from "node:os"
import path from "node:path"
import { ensureDataFolder } from "./lib/data-folder"
import { checkDatabaseUrl, createDatabase } from "./lib/database"
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/embedded-postgres"
import { loadLocalSecrets } from "./lib/secrets"
import { runToCompletion, startChild, stopChild, waitForHttp, type Child } from "./lib/processes"
import { checkPluginOptions } from "./lib/plugin-options-check"
import { serveViewerPage } from "./lib/viewer-page"

const ROOT = path.resolve(__dirname, "..")
const MEDUSA = path.join(ROOT, "node_modules", ".bin", "medusa")
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx")
const DATABASE_NAME = "medusa_live_commerce"

type Running = {
  postgres?: EmbeddedPostgres
  children: Child[]
  stopping: boolean
  /** The viewer page's server and its build folder. */
  viewer?: { server?: http.Server; dir: string }
}
const running: Running = { children: [], stopping: false }

async function main() {
  const env = process.env
  const port = Number(env.PORT || 9000)
  const realtimePort = Number(env.REALTIME_PORT || 9001)
  const viewerPort = Number(env.STOREFRONT_PORT || 8000)
  const dataDir = path.resolve(ROOT, env.LIVE_DATA_DIR || ".data")

  // `on`, not `once`: Ctrl-C reaches us twice (from the terminal and relayed by npm/tsx).
  process.on("SIGINT", () => void shutdown(running, 0, "SIGINT"))
  process.on("SIGTERM", () => void shutdown(running, 0, "SIGTERM"))
  // Whatever escapes (an error event nobody listened to) is still one line, and stops everything.
  process.on("uncaughtException", fail)
  process.on("unhandledRejection", fail)

  checkPluginOptions(ROOT)
  await ensureDataFolder(dataDir)
  const secrets = await loadLocalSecrets(dataDir)

  // The viewer page builds (a few seconds of Vite) while the database gets ready.
  const viewerDir = await mkdtemp(path.join(os.tmpdir(), "live-viewer-"))
  running.viewer = { dir: viewerDir }
  const viewerBuilt = buildViewerPage(viewerDir)

  const databaseUrl = await prepareDatabase(dataDir, Boolean(env.LIVE_DATA_DIR))
  const childEnv: NodeJS.ProcessEnv = {
    ...env,
    DATABASE_URL: databaseUrl,
    JWT_SECRET: env.JWT_SECRET || secrets.jwtSecret,
    COOKIE_SECRET: env.COOKIE_SECRET || secrets.cookieSecret,
    PORT: String(port),
    REALTIME_PORT: String(realtimePort),
    MEDUSA_DISABLE_TELEMETRY: "true",
    // The viewer page calls the Store API and logs customers in from its own origin.
    STORE_CORS: env.STORE_CORS || corsList(viewerPort, port),
    AUTH_CORS: env.AUTH_CORS || corsList(viewerPort, port, 5173),
  }

  log("applying migrations…")
  await runStep("migrate", ["db:migrate"], childEnv)

  log("checking demo data…")
  const demo = parseSeedSummary(await runStep("seed", ["exec", "./scripts/seed/run.ts"], childEnv))
  log(demo.created ? "demo data created" : "demo data already there, reusing it")

  stopIfStopping()
  const medusa = startChild("medusa", MEDUSA, ["develop", "--no-lint"], { cwd: ROOT, env: childEnv })
  const realtime = startChild("realtime", TSX, [path.join("src", "realtime", "main.ts")], {
    cwd: ROOT,
    // chat:send goes through Medusa's Store API, with the demo's publishable key unless a client names one.
    env: {
      ...childEnv,
      MEDUSA_URL: env.MEDUSA_URL || `http://127.0.0.1:${port}`,
      MEDUSA_PUBLISHABLE_KEY: env.MEDUSA_PUBLISHABLE_KEY || demo.publishable_key,
    },
  })
  running.children.push(medusa, realtime)
  for (const child of [medusa, realtime]) {
    void child.exited.then((code) => {
      if (!running.stopping) {
        log(`${child.name} exited (code ${code}); stopping everything`)
        void shutdown(running, 1)
      }
    })
  }

  const base = `http://localhost:${port}`
  await Promise.all([
    waitForHttp(`${base}/health`, 180_000, medusa.exited),
    waitForHttp(`http://127.0.0.1:${realtimePort}/healthz`, 60_000, realtime.exited),
  ])
  await waitForHttp(`${base}/app`, 120_000, medusa.exited)

  const built = await viewerBuilt
  if (built instanceof Error) {
    throw new Error(`the viewer page did not build: ${built.message}`)
  }
  stopIfStopping()
  running.viewer.server = await serveViewerPage(viewerDir, viewerPort, {
    backend_url: base,
    publishable_key: demo.publishable_key,
    demo_customer: demo.customer,
  }).catch((err: NodeJS.ErrnoException) => {
    throw new Error(
      err.code === "EADDRINUSE" ? `port ${viewerPort} (STOREFRONT_PORT) is taken: set STOREFRONT_PORT to a free one` : `the viewer page cannot be served: ${err.message}`
    )
  })

  printBanner({ base, realtimePort, viewerUrl: `http://localhost:${viewerPort}`, databaseUrl, demo })
}

/** Browser origins allowed to call Medusa: the viewer page's, the Admin's, and any extra port. */
function corsList(viewerPort: number, ...ports: number[]): string {
  const origins = [viewerPort, ...ports].flatMap((p) => [`http://localhost:${p}`, `http://127.0.0.1:${p}`])
  return [...new Set(origins)].join(",")
}

/**
 * Vite's build of the viewer page, in a child process: in this one it would hold the event loop
 * for seconds, and tsx, not hearing back about a Ctrl-C within 60 ms, would SIGKILL us (leaving
 * PostgreSQL running). Resolves with the error instead of rejecting: it is awaited only later.
 */
async function buildViewerPage(outDir: string): Promise<Error | null> {
  let build: Child | undefined
  try {
    await runToCompletion("viewer-build", TSX, [path.join("scripts", "lib", "viewer-page.ts"), outDir], {
      cwd: ROOT,
      echo: false,
      onStart: (child) => running.children.push((build = child)),
    })
    return null
  } catch (err) {
    return err as Error
  } finally {
    running.children = running.children.filter((child) => child !== build)
  }
}

/**
 * A Medusa command run to its end, stopped with everything else if Ctrl-C (or a
 * failure) comes meanwhile: it runs in its own process group, which the terminal's
 * Ctrl-C does not reach.
 */
async function runStep(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<string[]> {
  stopIfStopping()
  let step: Child | undefined
  try {
    return await runToCompletion(name, MEDUSA, args, {
      cwd: ROOT,
      env,
      echo: false,
      onStart: (child) => running.children.push((step = child)),
    })
  } finally {
    // Once it has ended its process group id may be reused: never signal it again.
    running.children = running.children.filter((child) => child !== step)
  }
}

/** Starts nothing more once shutdown has begun (it would outlive the launcher). */
function stopIfStopping() {
  if (running.stopping) {
    throw new Error("stopping")
  }
}

async function prepareDatabase(dataDir: string, chosenByUser: boolean): Promise<string> {
  if (process.env.DATABASE_URL) {
    await checkDatabaseUrl(process.env.DATABASE_URL)
    log("using DATABASE_URL")
    return process.env.DATABASE_URL
  }
  const port = Number(process.env.EMBEDDED_PG_PORT || 54329)
  log(`starting embedded PostgreSQL on 127.0.0.1:${port}`)
  running.postgres = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, "postgres"),
    port,
    chosenByUser,
    note: log,
  })
  log(`embedded PostgreSQL ready (data in ${running.postgres.dataDir})`)
  const url = running.postgres.url(DATABASE_NAME)
  await createDatabase(url, DATABASE_NAME)
  return url
}

type DemoSummary = {
  created: boolean
  publishable_key: string
  admin: { email: string; password: string }
  seller: { email: string; password: string }
  customer: { email: string; password: string }
}

function parseSeedSummary(lines: string[]): DemoSummary {
  const line = lines.find((l) => l.startsWith("LIVE_DEMO_SEED "))
  if (!line) {
    throw new Error(`seeding printed no summary:\n${lines.slice(-15).join("\n")}`)
  }
  return JSON.parse(line.slice("LIVE_DEMO_SEED ".length))
}

function printBanner(p: { base: string; realtimePort: number; viewerUrl: string; databaseUrl: string; demo: DemoSummary }) {
  const lines = [
    "",
    "Medusa live commerce is running.",
    `  Admin          ${p.base}/app   (login ${p.demo.admin.email} / ${p.demo.admin.password})`,
    `  Seller         ${p.base}/app   (login ${p.demo.seller.email} / ${p.demo.seller.password}: their shows and lots only)`,
    `  Viewer page    ${p.viewerUrl}   (the demo storefront: shows, live bidding, checkout)`,
    `  Store API      ${p.base}/store   (header x-publishable-api-key: ${p.demo.publishable_key})`,
    `  Demo customer  ${p.demo.customer.email} / ${p.demo.customer.password}`,
    `  Live config    curl -H 'x-publishable-api-key: ${p.demo.publishable_key}' ${p.base}/store/live/config`,
    `  Realtime       http://localhost:${p.realtimePort}   (health: /healthz, metrics: /metrics)`,
    `  Database       ${p.databaseUrl.replace(/\/\/([^:]+):[^@]+@/, "//$1:***@")}`,
    "Press Ctrl-C to stop everything.",
    "",
  ]
  process.stdout.write(lines.join("\n") + "\n")
  log("ready")
}

async function shutdown(running: Running, code: number, reason?: string) {
  if (running.stopping) {
    return
  }
  running.stopping = true
  if (reason) {
    log(`${reason}: stopping`)
  }
  const viewer = running.viewer
  await Promise.all([
    ...running.children.map((child) => stopChild(child)),
    viewer?.server && new Promise((resolve) => viewer.server!.close(resolve).closeAllConnections()),
  ])
  if (viewer) {
    await rm(viewer.dir, { recursive: true, force: true })
  }
  if (running.postgres) {
    await running.postgres.stop()
    log("embedded PostgreSQL stopped")
  }
  process.exit(code)
}

function log(message: string) {
  process.stdout.write(`[live] ${message}\n`)
}

/** One `[live] error:` line (never a stack trace), then everything started so far is stopped. */
function fail(err: unknown) {
  if (running.stopping) {
    return // already stopping: one error line is enough
  }
  const message = err instanceof Error ? err.message : String(err)
  process.stderr.write(`[live] error: ${message}\n`)
  void shutdown(running, 1)
}

main().catch(fail)
