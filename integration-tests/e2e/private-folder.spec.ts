import { execFileSync } from "node:child_process"
import { rm, stat } from "node:fs/promises"
import path from "node:path"
import { movedClusterFolder } from "../../scripts/lib/embedded-postgres/cluster-folder"
import { embeddedEnv, expectCleanStop, freePorts, isListening, launch, type Ports } from "../helpers/launcher"
import { clonePrivately, unprivilegedUser, type Owner, type PrivateClone } from "../helpers/private-clone"

jest.setTimeout(10 * 60_000)

const IS_ROOT = process.getuid!() === 0

/** `npm start` in the clone until ready, /health answers, then Ctrl-C; returns the output. */
async function startUntilHealthy(clone: PrivateClone, env: NodeJS.ProcessEnv, ports: Ports, as?: Owner) {
  const started = Date.now()
  const app = launch(env, { cwd: clone.app, as })
  let health: number
  let startupMs: number
  try {
    await app.waitFor(/\[live\] ready/, 180_000)
    startupMs = Date.now() - started
    health = (await fetch(`http://localhost:${ports.medusa}/health`)).status
  } finally {
    app.signal("SIGINT")
    await app.exited
  }
  expect(health).toBe(200)
  expectCleanStop(await app.exited, "SIGINT", app.output())
  return { output: app.output(), startupMs }
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

/** Issue #12: the first command from a folder only its owner can enter (`mktemp -d`, /root). */
describe("npm start from a private folder", () => {
  const asRoot = IS_ROOT ? it : it.skip
  asRoot(
    "should run as root with the database where the postgres user can reach it, keep it across starts, and leave nothing on Ctrl-C",
    async () => {
      const clone = await clonePrivately()
      const ports = await freePorts()
      // /var/lib/medusa-live-commerce/data/<hash of the clone's .data/postgres>
      const systemData = movedClusterFolder(path.join(clone.app, ".data", "postgres"))
      try {
        const first = await startUntilHealthy(clone, embeddedEnv(ports), ports)
        expect(dataFolderIn(first.output)).toBe(systemData)
        expect(first.output).toContain("demo data created")
        expect(first.startupMs).toBeLessThan(120_000)
        await expectNothingLeft([clone.home, systemData], ports)

        // The cluster is the postgres user's alone; the user's folders were left as they were.
        const cluster = await stat(systemData)
        expect(cluster.uid).toBe(Number(execFileSync("id", ["-u", "postgres"]).toString()))
        expect(cluster.mode & 0o777).toBe(0o700)
        expect((await stat(clone.home)).mode & 0o777).toBe(0o700)

        const second = await startUntilHealthy(clone, embeddedEnv(ports), ports)
        expect(second.output).toContain("demo data already there, reusing it")
        expect(dataFolderIn(second.output)).toBe(systemData)
        await expectNothingLeft([clone.home, systemData], ports)
      } finally {
        await clone.remove()
        await rm(systemData, { recursive: true, force: true })
      }
    }
  )

  it(`should run as an ordinary user (${IS_ROOT ? "livetest" : "ourselves"}) with the database in the clone's .data`, async () => {
    const owner = IS_ROOT ? unprivilegedUser() : undefined
    const clone = await clonePrivately(owner)
    const ports = await freePorts()
    // Its own home for npm's cache and logs: root's is closed to it.
    const env = owner ? { ...embeddedEnv(ports), HOME: clone.home, USER: "livetest", LOGNAME: "livetest" } : embeddedEnv(ports)
    try {
      const { output } = await startUntilHealthy(clone, env, ports, owner)
      const dataDir = path.join(clone.app, ".data", "postgres")
      expect(dataFolderIn(output)).toBe(dataDir)
      expect((await stat(dataDir)).uid).toBe(owner?.uid ?? process.getuid!())
      expect(output).not.toContain("postgres\" user")
      await expectNothingLeft([clone.home], ports)
    } finally {
      await clone.remove()
    }
  })
})
