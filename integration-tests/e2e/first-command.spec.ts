import { execFileSync } from "node:child_process"
import { rm } from "node:fs/promises"
import { launchChromium } from "../helpers/browser"
import { embeddedEnv, expectCleanStop, freePorts, isListening, launch, makeDataDir, ROOT, type Ports } from "../helpers/launcher"

jest.setTimeout(8 * 60_000)

/** The README's first command on a machine with nothing but Node: embedded PostgreSQL, seed, Admin, sidecar. */
describe("npm start (embedded defaults)", () => {
  let dataDir: string
  let ports: Ports
  let env: NodeJS.ProcessEnv
  let publishableKey: string

  beforeAll(async () => {
    dataDir = await makeDataDir()
    ports = await freePorts()
    env = embeddedEnv(ports, dataDir)
  })

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  it("should start everything on a fresh machine within 2 minutes, with demo data and a working Admin login", async () => {
    const started = Date.now()
    const app = launch(env)
    try {
      await app.waitFor(/\[live\] ready/, 150_000)
      const startupMs = Date.now() - started
      expect(startupMs).toBeLessThan(120_000)
      expect(app.output()).toContain("demo data created")

      publishableKey = app.output().match(/x-publishable-api-key: (pk_[0-9a-f]+)/)![1]
      const base = `http://localhost:${ports.medusa}`
      expect((await fetch(`${base}/health`)).status).toBe(200)

      const products = await fetch(`${base}/store/products`, { headers: { "x-publishable-api-key": publishableKey } })
      expect(products.status).toBe(200)
      expect((await products.json()).count).toBe(4)

      const config = await fetch(`${base}/store/live/config`, { headers: { "x-publishable-api-key": publishableKey } })
      expect((await config.json()).config.realtime.url).toBe(`http://localhost:${ports.realtime}`)

      const realtime = await fetch(`http://127.0.0.1:${ports.realtime}/healthz`)
      expect((await realtime.json()).status).toBe("ok")

      const [, email, password] = app.output().match(/login (\S+) \/ (\S+)\)/)!
      const browser = await launchChromium()
      try {
        const page = await browser.newPage()
        // The Admin is built on its first request, from a cold Vite cache in a fresh clone (as in
        // CI): allow for it as the other browser tests do (playwright's default 30 s was passed).
        await page.goto(`${base}/app`, { waitUntil: "domcontentloaded", timeout: 150_000 })
        await page.locator('input[name="email"]').fill(email, { timeout: 90_000 })
        await page.locator('input[name="password"]').fill(password)
        await page.locator('button[type="submit"]').click()
        // Logged in, the Admin lands on its orders list.
        await page.waitForURL(/\/app\/orders/, { timeout: 60_000 })
        await page.getByRole("heading", { name: "Orders" }).waitFor({ timeout: 30_000 })
      } finally {
        await browser.close()
      }
    } finally {
      app.signal("SIGINT")
      expectCleanStop(await app.exited, "SIGINT", app.output())
    }

    // Ctrl-C left nothing behind: no process on our data folder, no port still open.
    const processes = execFileSync("ps", ["-eo", "args"]).toString()
    expect(processes).not.toContain(dataDir)
    for (const port of Object.values(ports)) {
      expect(await isListening(port)).toBe(false)
    }
  })

  it("should reuse the data on a second start (same key, no second seed)", async () => {
    expect(publishableKey).toBeDefined()
    const app = launch(env)
    try {
      await app.waitFor(/\[live\] ready/, 120_000)
      expect(app.output()).toContain("demo data already there, reusing it")
      expect(app.output()).toContain(publishableKey)
      const products = await fetch(`http://localhost:${ports.medusa}/store/products`, {
        headers: { "x-publishable-api-key": publishableKey },
      })
      expect((await products.json()).count).toBe(4)
    } finally {
      app.signal("SIGTERM")
      expectCleanStop(await app.exited, "SIGTERM", app.output())
    }
  })
})

/** Ctrl-C before everything is up: the steps under way (own process groups) stop too. */
describe("npm start stopped while migrating", () => {
  it("should stop the migrations and PostgreSQL, and leave nothing", async () => {
    const dataDir = await makeDataDir()
    const ports = await freePorts()
    const app = launch(embeddedEnv(ports, dataDir))
    try {
      await app.waitFor(/\[live\] applying migrations/, 120_000)
      await new Promise((resolve) => setTimeout(resolve, 2000))
    } finally {
      app.signal("SIGINT")
    }
    expectCleanStop(await app.exited, "SIGINT", app.output())
    expect(app.output()).not.toContain("demo data")
    const processes = execFileSync("ps", ["-eo", "args"]).toString()
    expect(processes).not.toContain(`${ROOT}/node_modules/.bin/medusa db:migrate`)
    expect(processes).not.toContain(dataDir)
    expect(await isListening(ports.postgres)).toBe(false)
    await rm(dataDir, { recursive: true, force: true })
  })
})
