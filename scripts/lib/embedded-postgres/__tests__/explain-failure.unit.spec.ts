import { explainFailure } from "../explain-failure"

const BIND_FAILURE = [
  '2026-12-01 13:39:01.799 UTC [15210] LOG:  could not bind IPv4 address "127.0.0.1": Address already in use',
  "2026-12-01 13:39:01.799 UTC [15210] HINT:  Is another postmaster already running on port 5432?",
  "2026-12-01 13:39:01.800 UTC [15210] FATAL:  could not create any TCP/IP sockets",
].join("\n")

function explain(detail: string, asPostgresUser = false) {
  return explainFailure({ what: "could not start on port 5432", dataDir: "/srv/pg", asPostgresUser, detail })
}

describe("explainFailure", () => {
  it.each([
    ["a taken port", BIND_FAILURE, false, /set EMBEDDED_PG_PORT to a free one/],
    ["a second server on the same data", 'FATAL:  lock file "postmaster.pid" already exists', false, /another PostgreSQL is running on \/srv\/pg/],
    ["a half-made cluster", 'initdb: error: directory "/srv/pg" exists but is not empty', false, /remove it \(rm -rf \/srv\/pg\)/],
    ["another version's data", "FATAL:  database files are incompatible with server", false, /made by another PostgreSQL version/],
    ["a full disk", "could not write to file: No space left on device", false, /the disk is full/],
    ["a folder the postgres user cannot use", 'FATAL:  data directory "/srv/pg" has wrong ownership', true, /chown -R postgres \/srv\/pg/],
    ["a binary that cannot be run", "spawn /srv/bin/postgres EACCES", false, /\/srv\/bin\/postgres cannot be run: reinstall/],
    ["a folder we cannot use", 'FATAL:  could not open directory "/srv/pg": Permission denied', false, /you cannot use \/srv\/pg: make it yours/],
    ["anything else", "postgres exited (signal SIGSEGV)", false, /set DATABASE_URL to use your own PostgreSQL instead/],
  ])("should say what to do about %s, on one line", (_name, detail, asPostgresUser, hint) => {
    const line = explain(detail, asPostgresUser)
    expect(line).toMatch(/^embedded PostgreSQL could not start on port 5432: /)
    expect(line).toMatch(hint)
    expect(line).not.toContain("\n")
  })

  it("should quote the telling lines of the log, without timestamps, at most 300 characters", () => {
    const line = explain(`${"LOG:  checkpoint starting\n".repeat(50)}${BIND_FAILURE}`)
    const quoted = line.slice(line.indexOf(" (") + 2, -1)
    expect(quoted).toBe(
      'LOG: could not bind IPv4 address "127.0.0.1": Address already in use FATAL: could not create any TCP/IP sockets'
    )
    expect(explain(`FATAL: ${"x".repeat(1000)}`).length).toBeLessThan(600)
  })
})
