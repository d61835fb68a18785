import { existsSync } from "node:fs"
import { mkdir, readFile, rm } from "node:fs/promises"
import path from "node:path"
import { Client } from "pg"
import { launchChromium } from "../helpers/browser"
import { runToCompletion, startChild, stopChild, waitForHttp, type Child } from "../../scripts/lib/processes"
import { HOST_HOOKS, writeHostApp } from "../helpers/host-app"
import { packedPlugin } from "../helpers/packed-plugin"
import { caller, seedHostShop, signUp, winLot } from "../helpers/host-shop"
import { freePort, makeDataDir, ROOT } from "../helpers/launcher"
import { next, viewer } from "../helpers/viewers"

jest.setTimeout(15 * 60_000)

const pkg = require("../../package.json")

const db = {
  host: process.env.DB_HOST || "localhost",
  port: Number(process.env.DB_PORT || 5432),
  user: process.env.DB_USERNAME || "postgres",
  password: process.env.DB_PASSWORD || "",
}

/**
 * The integrator's path: build and pack the plugin, install the tarball into a throw-away
 * Medusa app as `create-medusa-app` makes it, with its own handler on each core cart hook, list
 * it under `plugins`, migrate, boot, call a route, win a lot and try to take it.
 */
describe("the packed plugin in a host Medusa app", () => {
  const database = `live_host_${Date.now()}`
  let workDir: string
  let hostDir: string
  let hookLog: string
  let tarball: string
  let server: Child | undefined
  let env: NodeJS.ProcessEnv
  /** The running host, once booted: its URL, an admin token, its storefront's publishable key. */
  let host: { base: string; admin: Record<string, string>; keyId: string; store: Record<string, string> } | undefined
  let hostProductId: string | undefined

  beforeAll(async () => {
    workDir = await makeDataDir()
    hostDir = path.join(workDir, "host")
    // Outside the app: `medusa develop` restarts on changes inside it.
    hookLog = path.join(workDir, "host-hooks.log")
    const password = db.password ? `:${encodeURIComponent(db.password)}` : ""
    env = {
      ...process.env,
      DATABASE_URL: `postgres://${db.user}${password}@${db.host}:${db.port}/${database}`,
      MEDUSA_DISABLE_TELEMETRY: "true",
      NODE_OPTIONS: "",
      HOST_HOOK_LOG: hookLog,
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
    // Built once for the e2e files (storefront-types installs the same tarball).
    const packed = await packedPlugin()
    tarball = packed.tarball
    const paths = packed.files

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

    // The seller's console is in the bundle: its routes, its sidebar item and its widgets; it
    // imports only what the host's Admin provides, plus socket.io-client (a dependency).
    const admin = await readFile(path.join(ROOT, ".medusa/server/src/admin/index.mjs"), "utf8")
    for (const piece of ['"/live-shows"', '"/live-shows/:id"', '"/live-shows/lots/:id"', '"Live shows"']) {
      expect(admin).toContain(piece)
    }
    for (const zone of ["product.details.after", "customer.details.after", "order.details.side.after"]) {
      expect(admin).toContain(`"${zone}"`)
    }
    const imports = [...new Set([...admin.matchAll(/from "([^"]+)"/g)].map((m) => m[1]))].sort()
    expect(imports).toEqual([
      "@medusajs/admin-sdk",
      "@medusajs/icons",
      "@medusajs/js-sdk",
      "@medusajs/ui",
      "@tanstack/react-query",
      "react",
      "react-router-dom",
      "react/jsx-runtime",
      "socket.io-client",
    ])
  })

  it("should install with plain npm install into an app as create-medusa-app makes it, migrate, boot and serve the plugin's route with the host's options", async () => {
    expect(tarball).toBeDefined()
    await mkdir(hostDir, { recursive: true })
    await writeHostApp(hostDir, tarball)

    // No --legacy-peer-deps, no overrides: an ERESOLVE here is what an integrator would get.
    await runToCompletion("npm-install", "npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], {
      cwd: hostDir,
      env,
      echo: false,
    })
    const installed = JSON.parse(
      await readFile(path.join(hostDir, "node_modules", pkg.name, "package.json"), "utf8")
    )
    expect(installed.version).toBe(pkg.version)
    // The plugin's runtime dependencies that Medusa also ships are Medusa's copies, not second ones.
    const own = ["zod", "pg", "ioredis", "jsonwebtoken", "stripe", "@medusajs"].filter((name) =>
      existsSync(path.join(hostDir, "node_modules", pkg.name, "node_modules", name))
    )
    expect(own).toEqual([])

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

    host = {
      base,
      admin: { authorization: `Bearer ${token}` },
      keyId: api_key.id,
      store: { "x-publishable-api-key": api_key.token },
    }

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

  it("should guard a won lot's line in a host with its own validate handler on each core cart workflow", async () => {
    // Booted above, with the host's four handlers: Medusa refuses a second handler on a hook, so
    // the host coming up at all shows the plugin takes none of them.
    expect(host).toBeDefined()
    const { base, admin, keyId, store } = host!
    const call = caller(base)
    const shop = await seedHostShop(call, admin, keyId)
    hostProductId = shop.productId
    const A = await signUp(call, store, "winner@host.example")
    const B = await signUp(call, store, "rival@host.example")
    const lot = { title: "Host mystery box", currency_code: "usd", region_id: shop.regionId, sales_channel_id: shop.salesChannelId }
    const offer = await winLot(call, admin, A.headers, lot)
    const { cart } = (await call("GET", `/store/carts/${offer.cart_id}`, undefined, A.headers)).data
    expect(cart.items).toEqual([expect.objectContaining({ unit_price: 20, quantity: 1 })])
    const line = cart.items[0]

    // The winner cannot change the line; nobody else can claim the lot or take the cart.
    const changed = await call("POST", `/store/carts/${cart.id}/line-items/${line.id}`, { quantity: 2 }, A.headers)
    expect([changed.status, changed.data.code]).toEqual([400, "lot_line_locked"])
    const claim = { variant_id: shop.variantId, quantity: 1, metadata: { auction_id: offer.auction_id, lot_offer_id: offer.id } }
    const stolen = await call("POST", "/store/carts", { region_id: shop.regionId, items: [claim] }, B.headers)
    expect([stolen.status, stolen.data.code]).toEqual([400, "lot_not_won"])
    const { cart: own } = (await call("POST", "/store/carts", { region_id: shop.regionId }, B.headers)).data
    const smuggled = await call("POST", `/store/carts/${own.id}/line-items`, claim, B.headers)
    expect([smuggled.status, smuggled.data.code]).toEqual([400, "lot_not_won"])
    const taken = await call("POST", `/store/carts/${cart.id}/customer`, {}, B.headers)
    expect([taken.status, taken.data.code]).toEqual([400, "lot_not_won"])

    // Ordinary shopping goes through the host's handlers as before.
    const added = await call("POST", `/store/carts/${own.id}/line-items`, { variant_id: shop.variantId, quantity: 1 }, B.headers)
    expect(added.status).toBe(200)
    const tee = added.data.cart.items[0]
    expect((await call("POST", `/store/carts/${own.id}/line-items/${tee.id}`, { quantity: 2 }, B.headers)).status).toBe(200)

    // The winner pays: the lot's line passes the plugin's check and the host's, and is paid.
    const { payment_collection } = (await call("POST", "/store/payment-collections", { cart_id: cart.id }, A.headers)).data
    const session = await call(
      "POST",
      `/store/payment-collections/${payment_collection.id}/payment-sessions`,
      { provider_id: "pp_system_default" },
      A.headers
    )
    expect(session.status).toBe(200)
    const completed = await call("POST", `/store/carts/${cart.id}/complete`, {}, A.headers)
    expect(completed.data).toMatchObject({ type: "order", order: { items: [expect.objectContaining({ unit_price: 20 })] } })

    const ran = new Set((await readFile(hookLog, "utf8")).split("\n").filter(Boolean))
    expect([...ran].sort()).toEqual([...HOST_HOOKS].sort())
  })

  it("should show the plugin's Admin route and widgets in the host's own Admin", async () => {
    expect(host && hostProductId).toBeTruthy()
    const browser = await launchChromium()
    try {
      const page = await browser.newPage()
      // The host's `medusa develop` builds its Admin, with the plugin's extensions, on first load.
      await page.goto(`${host!.base}/app`, { waitUntil: "domcontentloaded" })
      await page.locator('input[name="email"]').fill("host-admin@example.com", { timeout: 180_000 })
      await page.locator('input[name="password"]').fill("host-password")
      await page.locator('button[type="submit"]').click()
      await page.waitForURL(/\/app\/orders/, { timeout: 60_000 })

      // The sidebar item and the route.
      await page.getByRole("link", { name: "Live shows" }).click({ timeout: 30_000 })
      await page.waitForURL(/\/app\/live-shows/, { timeout: 30_000 })
      await page.getByRole("heading", { name: "Live shows" }).waitFor({ timeout: 30_000 })
      // A widget: the product page carries the plugin's "Auctions" card.
      await page.goto(`${host!.base}/app/products/${hostProductId}`, { waitUntil: "domcontentloaded" })
      await page.getByRole("heading", { name: "Auctions" }).waitFor({ timeout: 60_000 })
    } finally {
      await browser.close()
    }
  })
})
