/** An error whose message is already one line saying what to do: passed on as it is. */
export class ExplainedFailure extends Error {}

type Failure = {
  /** What did not work, e.g. "could not start on port 54329". */
  what: string
  /** The cluster's folder. */
  dataDir: string
  /** The server runs as the `postgres` user (we are root). */
  asPostgresUser: boolean
  /** The error and the end of the server's (or initdb's) output. */
  detail: string
}

/** Known causes, in the words of PostgreSQL and the kernel, each with what to do about it. */
const HINTS: Array<[RegExp, (f: Failure) => string]> = [
  [
    /already in use|could not bind|could not create any TCP\/IP sockets/i,
    () => "another server holds the port: set EMBEDDED_PG_PORT to a free one, or DATABASE_URL to use your own PostgreSQL",
  ],
  [
    /lock file "postmaster\.pid" already exists/i,
    (f) => `another PostgreSQL is running on ${f.dataDir} (a second npm start?): stop it first`,
  ],
  [
    /exists but is not empty/i,
    (f) => `${f.dataDir} holds files but no finished cluster: remove it (rm -rf ${f.dataDir}) to start fresh, or set LIVE_DATA_DIR to another folder`,
  ],
  [
    /database files are incompatible/i,
    (f) => `${f.dataDir} was made by another PostgreSQL version: remove it to start fresh, or set DATABASE_URL to use that PostgreSQL`,
  ],
  [/No space left on device|ENOSPC/i, () => "the disk is full: free some space"],
  [
    /spawn (\S+) (EACCES|ENOENT)/,
    (f) => `${f.detail.match(/spawn (\S+)/)![1]} cannot be run: reinstall the packages (rm -rf node_modules && npm ci)`,
  ],
  [
    /Permission denied|EACCES|EPERM|wrong ownership|invalid permissions|Operation not permitted/i,
    (f) =>
      f.asPostgresUser
        ? `as root it runs as the "postgres" user, which cannot use ${f.dataDir}: make that user its owner (chown -R postgres ${f.dataDir}), or set LIVE_DATA_DIR to a folder every user can enter`
        : `you cannot use ${f.dataDir}: make it yours, or set LIVE_DATA_DIR to another folder`,
  ],
]

/** "2026-12-01 13:39:01.799 UTC [15210] " before each line of the server's log. */
const LOG_PREFIX = /^\d{4}-\d\d-\d\d [\d:.]+ \w+ \[\d+\] /gm

const FALLBACK = "set DATABASE_URL to use your own PostgreSQL instead"

/** One line: what failed, what to do about it, and the cause in PostgreSQL's words. */
export function explainFailure(f: Failure): string {
  const found = HINTS.find(([pattern]) => pattern.test(f.detail))
  const hint = found ? found[1](f) : FALLBACK
  return `embedded PostgreSQL ${f.what}: ${hint} (${gist(f.detail)})`
}

/** The lines that say what went wrong (a server's log says much else), on one line, at most 300 characters. */
function gist(detail: string): string {
  const lines = detail
    .split("\n")
    .map((l) => l.replace(LOG_PREFIX, "").trim())
    .filter(Boolean)
  const telling = lines.filter((l) => /FATAL|PANIC|ERROR|could not|denied|failed|E[A-Z]{3,}\b/.test(l))
  const text = (telling.length ? telling : lines).join(" ").replace(/\s+/g, " ")
  return text.length > 300 ? `…${text.slice(-300)}` : text
}
