import { rm } from "node:fs/promises"
import { Client } from "pg"
import { freePort, launch, makeDataDir } from "../helpers/launcher"

jest.setTimeout(5 * 60_000)

const db = {
  host: process.env.DB_HOST || "localhost",
  port: Number(process.env.DB_PORT || 5432),
  user: process.env.DB_USERNAME || "postgres",
  password: process.env.DB_PASSWORD || "",
}
const redisUrl = process.env.REDIS_URL_FOR_TESTS || "redis://127.0.0.1:6379"

async function dropDatabase(name: string) {
  const client = new Client({ ...db, database: "postgres" })
  await client.connect()
  await client.query(`drop database if exists "${name}" with (force)`)
  await client.end()
}

/** The first command with DATABASE_URL and REDIS_URL: no embedded database, Medusa on Redis. */
describe("npm start with DATABASE_URL and REDIS_URL", () => {
  const database = `live_e2e_${Date.now()}`
  let dataDir: string

  beforeAll(async () => {
    dataDir = await makeDataDir()
  })

  afterAll(async () => {
    await dropDatabase(database)
    await rm(dataDir, { recursive: true, force: true })
  })

  it("should create the database, use Redis for Medusa's infrastructure, and start no PostgreSQL of its own", async () => {
    const port = await freePort()
    const password = db.password ? `:${encodeURIComponent(db.password)}` : ""
    const app = launch({
      LIVE_DATA_DIR: dataDir,
      PORT: String(port),
      REALTIME_PORT: String(await freePort()),
      STOREFRONT_PORT: String(await freePort()),
      DATABASE_URL: `postgres://${db.user}${password}@${db.host}:${db.port}/${database}`,
      REDIS_URL: redisUrl,
    })
    try {
      await app.waitFor(/\[live\] ready/, 180_000)
      const out = app.output()
      expect(out).toContain("[live] using DATABASE_URL")
      expect(out).not.toContain("embedded PostgreSQL")
      expect(out).not.toContain("fake redis instance")
      expect(out).not.toContain("Local Event Bus installed")
      expect(out).toMatch(/Connection to Redis in module 'event-bus-redis' established/)
      expect(out).toContain(`/${database}`)

      const key = out.match(/x-publishable-api-key: (pk_[0-9a-f]+)/)![1]
      const res = await fetch(`http://localhost:${port}/store/products`, { headers: { "x-publishable-api-key": key } })
      expect((await res.json()).count).toBe(4)
    } finally {
      app.signal("SIGINT")
      await app.exited
    }
    expect(app.output()).toContain("[live] SIGINT: stopping")
    expect(app.output()).not.toContain("[live] error")
  })
})
