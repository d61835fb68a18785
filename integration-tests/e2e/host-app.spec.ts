import { execFileSync } from "node:child_process"
import { mkdir, readFile, rm, writeFile } from "node:fs/promises"
import path from "node:path"
import { Client } from "pg"
import { runToCompletion, startChild, stopChild, waitForHttp, type Child } from "../../scripts/lib/processes"
import { freePort, makeDataDir, ROOT } from "../helpers/launcher"
import { next, viewer } from "../helpers/viewers"

jest.setTimeout(15 * 60_000)

const pkg = require("../../package.json")
const MEDUSA_VERSION = pkg.devDependencies["@medusajs/medusa"]

const db = {
  host: process.env.DB_HOST || "localhost",
  port: Number(process.env.DB_PORT || 5432),
  user: process.env.DB_USERNAME || "postgres",
  password: process.env.DB_PASSWORD || "",
}

/**
 * The integrator's path: build and pack the plugin, install the tarball into a
 * throw-away Medusa app that lists it under `plugins`, migrate, boot, call a route.
 */
describe("the packed plugin in a host Medusa app", () => {
  const database = `live_host_${Date.now()}`
  let workDir: string
  let hostDir: string
  let tarball: string
  let server: Child | undefined
  let env: NodeJS.ProcessEnv

  beforeAll(async () => {
    workDir = await makeDataDir()
    hostDir = path.join(workDir, "host")
    const password = db.password ? `:${encodeURIComponent(db.password)}` : ""
    env = {
      ...process.env,
      DATABASE_URL: `postgres://${db.user}${password}@${db.host}:${db.port}/${database}`,
      MEDUSA_DISABLE_TELEMETRY: "true",
      NODE_OPTIONS: "",
    }
    delete env.REDIS_URL
    const client = new Client({ ...db, database: "postgres" })
    await client.connect()
    await client.query(`create database "${database}"`)
    await client.end()
  })

  afterAll(async () => {
    if (server) {
      await stopChild(server)
    }
    const client = new Client({ ...db, database: "postgres" })
    await client.connect()
    await client.query(`drop database if exists "${database}" with (force)`)
    await client.end()
    await rm(workDir, { recursive: true, force: true })
  })

  it("should build a tarball with the plugin and nothing of the dev app", async () => {
    await runToCompletion("plugin:build", path.join(ROOT, "node_modules", ".bin", "medusa"), ["plugin:build"], {
      cwd: ROOT,
      echo: false,
    })
    const packed = execFileSync("npm", ["pack", "--json", "--pack-destination", workDir], { cwd: ROOT }).toString()
    const [{ filename, files }] = JSON.parse(packed)
    tarball = path.join(workDir, filename)
    const paths: string[] = files.map((f: { path: string }) => f.path)

    expect(paths).toEqual(expect.arrayContaining([
      "package.json",
      ".medusa/server/src/modules/auctions/index.js",
      ".medusa/server/src/api/store/live/config/route.js",
      ".medusa/server/src/realtime/main.js",
      ".medusa/server/src/realtime/contract/index.js",
      ".medusa/server/src/admin/index.js",
    ]))
    expect(paths.some((p) => /modules\/auctions\/migrations\/Migration\d+\.js$/.test(p))).toBe(true)
    const leaks = paths.filter((p) =>
      /medusa-config|__tests__|integration-tests|scripts\/|\.spec\.|\.data|jest\.config|eslint\.config/.test(p)
    )
    expect(leaks).toEqual([])
  })

  it("should install into a host app, migrate, boot and serve the plugin's route with the host's options", async () => {
    expect(tarball).toBeDefined()
    await mkdir(hostDir, { recursive: true })
    await writeFile(path.join(hostDir, "package.json"), JSON.stringify(hostPackageJson(tarball), null, 2))
    await writeFile(path.join(hostDir, "medusa-config.js"), HOST_CONFIG)

    await runToCompletion("npm-install", "npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], {
      cwd: hostDir,
      env,
      echo: false,
    })
    const installed = JSON.parse(
      await readFile(path.join(hostDir, "node_modules", pkg.name, "package.json"), "utf8")
    )
    expect(installed.version).toBe(pkg.version)

    const medusa = path.join(hostDir, "node_modules", ".bin", "medusa")

    // Bad plugin options stop the host at load, with the plugin's own message.
    const badOutput: string[] = []
    const bad = await runToCompletion("migrate-bad", medusa, ["db:migrate"], {
      cwd: hostDir,
      env: { ...env, LIVE_BAD_OPTIONS: "true" },
      echo: false,
      onLine: (line) => badOutput.push(line),
    }).then(
      () => "succeeded",
      () => "failed"
    )
    expect(bad).toBe("failed")
    expect(badOutput.join("\n")).toMatch(/medusa-plugin-live-commerce: invalid plugin options: `realtime\.url`/)

    const migrate = await runToCompletion("migrate", medusa, ["db:migrate"], { cwd: hostDir, env, echo: false })
    expect(migrate.join("\n")).toMatch(/auctions/)

    await runToCompletion("user", medusa, ["user", "-e", "host-admin@example.com", "-p", "host-password"], {
      cwd: hostDir,
      env,
      echo: false,
    })

    const port = await freePort()
    server = startChild("host", medusa, ["develop"], { cwd: hostDir, env: { ...env, PORT: String(port) }, echo: false })
    const base = `http://localhost:${port}`
    await waitForHttp(`${base}/health`, 180_000, server.exited)

    const login = await fetch(`${base}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "host-admin@example.com", password: "host-password" }),
    })
    const { token } = await login.json()
    const keyRes = await fetch(`${base}/admin/api-keys`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ title: "Host storefront", type: "publishable" }),
    })
    expect(keyRes.status).toBe(200)
    const { api_key } = await keyRes.json()

    const config = await fetch(`${base}/store/live/config`, { headers: { "x-publishable-api-key": api_key.token } })
    expect(config.status).toBe(200)
    const body = await config.json()
    expect(body.config.realtime).toEqual({ url: "wss://realtime.host.example", path: "/socket.io" })
    expect(body.config.auctions.soft_close_seconds).toBe(15)

    // The integrator's sidecar: the installed bin, on the host's database, gets the host's lot events.
    const realtimePort = await freePort()
    const sidecar = startChild("realtime", path.join(hostDir, "node_modules", ".bin", "live-commerce-realtime"), [], {
      cwd: hostDir,
      env: { ...env, REALTIME_PORT: String(realtimePort), REALTIME_HOST: "127.0.0.1" },
      echo: false,
    })
    try {
      await waitForHttp(`http://127.0.0.1:${realtimePort}/healthz`, 30_000, sidecar.exited)
      const admin = { "content-type": "application/json", authorization: `Bearer ${token}` }
      const created = await fetch(`${base}/admin/auctions`, {
        method: "POST",
        headers: admin,
        body: JSON.stringify({ title: "Host lot", currency_code: "usd", starting_price: 1, duration_seconds: 60 }),
      })
      const { auction } = await created.json()
      const socket = await viewer(`http://127.0.0.1:${realtimePort}`)
      try {
        expect(await socket.emitWithAck("room:join", { room: `auction:${auction.id}` })).toMatchObject({ ok: true })
        const started = next(socket, "auction:started", 10_000)
        expect((await fetch(`${base}/admin/auctions/${auction.id}/start`, { method: "POST", headers: admin, body: "{}" })).status).toBe(200)
        expect(await started).toMatchObject({ auction_id: auction.id, seq: 1 })
      } finally {
        socket.disconnect()
      }
    } finally {
      await stopChild(sidecar, 5000)
    }
  })
})

function hostPackageJson(tarballPath: string) {
  const medusaDeps = ["medusa", "framework", "cli", "admin-sdk", "draft-order", "test-utils"]
  return {
    name: "live-commerce-host-app",
    private: true,
    dependencies: {
      ...Object.fromEntries(medusaDeps.map((d) => [`@medusajs/${d}`, MEDUSA_VERSION])),
      "@medusajs/ui": pkg.devDependencies["@medusajs/ui"],
      "@medusajs/icons": pkg.devDependencies["@medusajs/icons"],
      [pkg.name]: `file:${tarballPath}`,
    },
    devDependencies: {
      "ts-node": pkg.devDependencies["ts-node"],
      typescript: pkg.devDependencies.typescript,
      "@swc/core": pkg.devDependencies["@swc/core"],
    },
    allowScripts: pkg.allowScripts,
  }
}

/** What an integrator writes: the plugin under `plugins`, with options. */
const HOST_CONFIG = `
const { defineConfig } = require("@medusajs/framework/utils")

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: { jwtSecret: "host-secret", cookieSecret: "host-secret" },
  },
  admin: { disable: true },
  plugins: [
    {
      resolve: "medusa-plugin-live-commerce",
      options: process.env.LIVE_BAD_OPTIONS
        ? { realtime: { url: "not a url" } }
        : { realtime: { url: "wss://realtime.host.example" }, auctions: { softCloseSeconds: 15 } },
    },
  ],
})
`
