import { freePort, launch, makeDataDir } from "../helpers/launcher"
import { rm } from "node:fs/promises"

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

  it.each([
    ["an unreachable DATABASE_URL", { DATABASE_URL: "postgres://postgres@127.0.0.1:1/live" }, /DATABASE_URL: cannot connect to 127\.0\.0\.1:1 .*Fix DATABASE_URL/],
    ["a DATABASE_URL that is not a URL", { DATABASE_URL: "not a url" }, /DATABASE_URL is not a URL/],
    ["a DATABASE_URL for another database kind", { DATABASE_URL: "mysql://root@127.0.0.1/live" }, /DATABASE_URL must start with postgres:\/\//],
    ["an invalid LiveKit URL", { LIVEKIT_URL: "nonsense", LIVEKIT_API_KEY: "k", LIVEKIT_API_SECRET: "0123456789abcdef" }, /invalid plugin options: `livekit\.url`/],
    ["a LiveKit URL without its key", { LIVEKIT_URL: "https://lk.example.com" }, /`livekit\.apiKey`/],
    ["a negative soft close", { LIVE_SOFT_CLOSE_SECONDS: "-5" }, /`auctions\.softCloseSeconds`/],
  ])("should fail fast on %s", async (_name, env, message) => {
    const { exit, errorLines, ms, output } = await startExpectingFailure(env)
    expect(exit.code).toBe(1)
    expect(errorLines).toHaveLength(1)
    expect(errorLines[0]).toMatch(/^\[live\] error: /)
    expect(errorLines[0]).toMatch(message)
    expect(ms).toBeLessThan(30_000)
    // Nothing was started: no migrations ran, no server came up.
    expect(output).not.toContain("applying migrations")
  })
})
