import { execFileSync } from "node:child_process"
import { mkdtemp, rm } from "node:fs/promises"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { freePort, launch, makeDataDir } from "../helpers/launcher"

jest.setTimeout(120_000)

/** A misconfigured start must stop at once with one line that says what to fix. */
describe("npm start with bad configuration", () => {
  let dataDir: string

  beforeAll(async () => {
    dataDir = await makeDataDir()
  })

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  async function startExpectingFailure(env: NodeJS.ProcessEnv) {
    const started = Date.now()
    const app = launch({ LIVE_DATA_DIR: dataDir, PORT: String(await freePort()), ...env })
    const exit = await app.exited
    const errorLines = app.stderr().split("\n").filter((l) => l.trim() && !l.startsWith("npm "))
    return { exit, errorLines, ms: Date.now() - started, output: app.output() }
  }

  function expectOneErrorLine(result: Awaited<ReturnType<typeof startExpectingFailure>>, message: RegExp) {
    expect(result.exit.code).toBe(1)
    expect(result.errorLines).toHaveLength(1)
    expect(result.errorLines[0]).toMatch(/^\[live\] error: /)
    expect(result.errorLines[0]).toMatch(message)
    expect(result.ms).toBeLessThan(30_000)
    // Nothing was started: no migrations ran, no server came up.
    expect(result.output).not.toContain("applying migrations")
  }

  it.each([
    ["an unreachable DATABASE_URL", { DATABASE_URL: "postgres://postgres@127.0.0.1:1/live" }, /DATABASE_URL: cannot connect to 127\.0\.0\.1:1 .*Fix DATABASE_URL/],
    ["a DATABASE_URL that is not a URL", { DATABASE_URL: "not a url" }, /DATABASE_URL is not a URL/],
    ["a DATABASE_URL for another database kind", { DATABASE_URL: "mysql://root@127.0.0.1/live" }, /DATABASE_URL must start with postgres:\/\//],
    ["an invalid LiveKit URL", { LIVEKIT_URL: "nonsense", LIVEKIT_API_KEY: "k", LIVEKIT_API_SECRET: "0123456789abcdef" }, /invalid plugin options: `livekit\.url`/],
    ["a LiveKit URL without its key", { LIVEKIT_URL: "https://lk.example.com" }, /`livekit\.apiKey`/],
    ["a negative soft close", { LIVE_SOFT_CLOSE_SECONDS: "-5" }, /`auctions\.softCloseSeconds`/],
    // Node's own recursive mkdir spins forever on this one.
    ["a data folder that cannot exist", { LIVE_DATA_DIR: "/proc/live" }, /LIVE_DATA_DIR: cannot keep data in \/proc\/live \(ENOENT\): set LIVE_DATA_DIR/],
    ["a data folder under a file", { LIVE_DATA_DIR: path.join(__filename, "data") }, /LIVE_DATA_DIR: cannot keep data in .*bad-config\.spec\.ts\/data \(ENOTDIR\)/],
  ])("should fail fast on %s", async (_name, env, message) => {
    expectOneErrorLine(await startExpectingFailure(env), message)
  })

  it("should fail fast, and leave nothing running, when the embedded PostgreSQL's port is taken", async () => {
    const holder = net.createServer()
    const port = await freePort()
    await new Promise<void>((resolve) => holder.listen(port, "127.0.0.1", resolve))
    try {
      const result = await startExpectingFailure({ EMBEDDED_PG_PORT: String(port), DATABASE_URL: "" })
      expectOneErrorLine(result, new RegExp(`embedded PostgreSQL could not start on port ${port}: .*set EMBEDDED_PG_PORT`))
      expect(execFileSync("ps", ["-eo", "args"]).toString()).not.toContain(dataDir)
    } finally {
      holder.close()
    }
  })

  // As root the server runs as the postgres user: a data folder it cannot enter is the user's to change.
  const asRoot = process.getuid!() === 0 ? it : it.skip
  asRoot("should fail fast when, as root, LIVE_DATA_DIR is a folder the postgres user cannot enter", async () => {
    const privateDir = await mkdtemp(path.join(os.tmpdir(), "live-private-"))
    try {
      const result = await startExpectingFailure({ LIVE_DATA_DIR: privateDir, DATABASE_URL: "" })
      expectOneErrorLine(result, /"postgres" user, which cannot enter .*live-private-.*: set LIVE_DATA_DIR to a folder every user can enter/)
    } finally {
      await rm(privateDir, { recursive: true, force: true })
    }
  })
})
