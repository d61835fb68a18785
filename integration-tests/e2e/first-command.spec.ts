import { execFileSync } from "node:child_process"
import { rm, stat } from "node:fs/promises"
import path from "node:path"
import { movedClusterFolder } from "../../scripts/lib/embedded-postgres/cluster-folder"
import { launchChromium } from "../helpers/browser"
import { embeddedEnv, expectCleanStop, freePorts, isListening, launch, makeDataDir, ROOT, type Ports } from "../helpers/launcher"
import { clonePrivately, unprivilegedUser, type Owner, type PrivateClone } from "../helpers/private-clone"

jest.setTimeout(10 * 60_000)

const IS_ROOT = process.getuid!() === 0

type Start = { as?: Owner; stopWith?: "SIGINT" | "SIGTERM"; whileUp?: (output: string) => Promise<void> }

/**
 * `npm start` in the clone until ready, /health answers (and `whileUp` ran), then Ctrl-C (or
 * SIGTERM); it stopped cleanly. Returns the output and how long it took to be ready.
 */
async function startUntilHealthy(clone: PrivateClone, env: NodeJS.ProcessEnv, ports: Ports, { as, stopWith = "SIGINT", whileUp }: Start = {}) {
  const started = Date.now()
  const app = launch(env, { cwd: clone.app, as })
  let health: number
  let startupMs: number
  try {
    await app.waitFor(/\[live\] ready/, 180_000)
    startupMs = Date.now() - started
    health = (await fetch(`http://localhost:${ports.medusa}/health`)).status
    await whileUp?.(app.output())
  } finally {
    app.signal(stopWith)
    await app.exited
  }
  expect(health).toBe(200)
  expectCleanStop(await app.exited, stopWith, app.output())
  return { output: app.output(), startupMs }
}

const publishableKeyIn = (output: string) => output.match(/x-publishable-api-key: (pk_[0-9a-f]+)/)![1]

/** The demo shop answers through the Store API with the key the start printed. */
async function expectDemoShop(output: string, ports: Ports) {
  const store = { "x-publishable-api-key": publishableKeyIn(output) }
  const base = `http://localhost:${ports.medusa}`
  const products = await fetch(`${base}/store/products`, { headers: store })
  expect(products.status).toBe(200)
  expect((await products.json()).count).toBe(4)
  const config = await fetch(`${base}/store/live/config`, { headers: store })
  expect((await config.json()).config.realtime.url).toBe(`http://localhost:${ports.realtime}`)
  const realtime = await fetch(`http://127.0.0.1:${ports.realtime}/healthz`)
  expect((await realtime.json()).status).toBe("ok")
}

/** The login the start printed opens the Admin in a browser. */
async function expectAdminLogin(output: string, ports: Ports) {
  const [, email, password] = output.match(/login (\S+) \/ (\S+)\)/)!
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    // The Admin is built on its first request, from a cold Vite cache in a fresh clone (as in
    // CI): allow for it as the other browser tests do (playwright's default 30 s was passed).
    await page.goto(`http://localhost:${ports.medusa}/app`, { waitUntil: "domcontentloaded", timeout: 150_000 })
    await page.locator('input[name="email"]').fill(email, { timeout: 90_000 })
    await page.locator('input[name="password"]').fill(password)
    await page.locator('button[type="submit"]').click()
    // Logged in, the Admin lands on its orders list.
    await page.waitForURL(/\/app\/orders/, { timeout: 60_000 })
    await page.getByRole("heading", { name: "Orders" }).waitFor({ timeout: 30_000 })
  } finally {
    await browser.close()
  }
}

/**
 * Nothing of this start is left: no process naming its folders, no port open. Medusa's
 * telemetry forks a detached sender as each of its processes exits (even with
 * MEDUSA_DISABLE_TELEMETRY): it ends by itself within a second, so it gets a few.
 */
async function expectNothingLeft(folders: string[], ports: Ports) {
  const naming = () =>
    execFileSync("ps", ["-eo", "args"])
      .toString()
      .split("\n")
      .filter((line) => folders.some((folder) => line.includes(folder)))
  const deadline = Date.now() + 10_000
  while (naming().length && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  expect(naming()).toEqual([])
  for (const port of Object.values(ports)) {
    expect(await isListening(port)).toBe(false)
  }
}

function dataFolderIn(output: string): string {
  return output.match(/\[live\] embedded PostgreSQL ready \(data in (\S+)\)/)![1]
}

/**
 * The README's first command on a machine with nothing but Node (embedded PostgreSQL, demo data,
 * Admin, sidecar), from a fresh clone in a folder only its owner can enter (`mktemp -d`, /root:
 * issue #12), as the tests run (root in CI), and as an ordinary user.
 */
describe("npm start from a fresh private clone", () => {
  it(`should start everything within 2 minutes as ${IS_ROOT ? "root" : "ourselves"} with demo data and a working Admin login, keep the data across starts, and leave nothing on Ctrl-C or SIGTERM`, async () => {
    const clone = await clonePrivately()
    const ports = await freePorts()
    // As root the cluster is the postgres user's, where it can reach it:
    // /var/lib/medusa-live-commerce/data/<hash of the clone's .data/postgres>.
    const inClone = path.join(clone.app, ".data", "postgres")
    const dataDir = IS_ROOT ? movedClusterFolder(inClone) : inClone
    try {
      const first = await startUntilHealthy(clone, embeddedEnv(ports), ports, {
        whileUp: async (output) => {
          await expectDemoShop(output, ports)
          await expectAdminLogin(output, ports)
        },
      })
      expect(first.output).toContain("demo data created")
      expect(first.startupMs).toBeLessThan(120_000)
      expect(dataFolderIn(first.output)).toBe(dataDir)
      await expectNothingLeft([clone.home, dataDir], ports)

      if (IS_ROOT) {
        // The cluster is the postgres user's alone; the user's folders were left as they were.
        const cluster = await stat(dataDir)
        expect(cluster.uid).toBe(Number(execFileSync("id", ["-u", "postgres"]).toString()))
        expect(cluster.mode & 0o777).toBe(0o700)
        expect((await stat(clone.home)).mode & 0o777).toBe(0o700)
      }

      const second = await startUntilHealthy(clone, embeddedEnv(ports), ports, {
        stopWith: "SIGTERM",
        whileUp: (output) => expectDemoShop(output, ports),
      })
      expect(second.output).toContain("demo data already there, reusing it")
      expect(publishableKeyIn(second.output)).toBe(publishableKeyIn(first.output))
      expect(dataFolderIn(second.output)).toBe(dataDir)
      await expectNothingLeft([clone.home, dataDir], ports)
    } finally {
      await clone.remove()
      await rm(dataDir, { recursive: true, force: true })
    }
  })

  // Run as ourselves, the test above is this one.
  const asRoot = IS_ROOT ? it : it.skip
  asRoot("should run as an ordinary user (livetest) with the database in the clone's .data", async () => {
    const owner = unprivilegedUser()
    const clone = await clonePrivately(owner)
    const ports = await freePorts()
    // Its own home for npm's cache and logs: root's is closed to it.
    const env = { ...embeddedEnv(ports), HOME: clone.home, USER: "livetest", LOGNAME: "livetest" }
    try {
      const { output } = await startUntilHealthy(clone, env, ports, { as: owner })
      const dataDir = path.join(clone.app, ".data", "postgres")
      expect(dataFolderIn(output)).toBe(dataDir)
      expect((await stat(dataDir)).uid).toBe(owner.uid)
      expect(output).not.toContain("postgres\" user")
      await expectNothingLeft([clone.home], ports)
    } finally {
      await clone.remove()
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
