import { randomUUID } from "node:crypto"
import type { BrowserContext, Page } from "playwright-core"
import { io } from "socket.io-client"
import type { BrowserStack } from "../../helpers/browser-stack"

/**
 * The seller's console in the Medusa Admin (src/admin), on the whole `npm start` stack (the
 * browser stack, shared with the other browser scenarios): Live shows, a show's run of show, the
 * bid feed over the sidecar, a lot's page, the product widget and a refusal's code on the page.
 */
export function adminConsoleScenario(stack: () => BrowserStack): void {
  describe("Seller console in the Admin", () => {
    let context: BrowserContext
    let page: Page
    let base: string
    let publishableKey: string
    const pageErrors: string[] = []

    const storeHeaders = () => ({ "content-type": "application/json", "x-publishable-api-key": publishableKey })

    /** Text of the first element matching `selector`, once it contains `text` (polled in the page). */
    const waitForText = (selector: string, text: string, timeout = 30_000) =>
      page.waitForFunction(
        ([sel, t]) => !!document.querySelector(sel)?.textContent?.includes(t),
        [selector, text] as const,
        { timeout, polling: "raf" }
      )

    beforeAll(async () => {
      const { base: stackBase, store, adminLogin, browser } = stack()
      base = stackBase
      publishableKey = store["x-publishable-api-key"]
      context = await browser.newContext()
      page = await context.newPage()
      page.on("pageerror", (err) => pageErrors.push(err.message))
      await page.goto(`${base}/app`, { waitUntil: "domcontentloaded", timeout: 150_000 })
      await page.locator('input[name="email"]').fill(adminLogin.email, { timeout: 120_000 })
      await page.locator('input[name="password"]').fill(adminLogin.password)
      await page.locator('button[type="submit"]').click()
      await page.waitForURL(/\/app\/orders/, { timeout: 60_000 })
    })

    afterAll(async () => {
      await context?.close()
    })

    let showId: string
    let lotId: string
    let buyerId: string
    const LOT_TITLE = `Console lot ${randomUUID().slice(0, 6)}`

    it("should list Live shows in the sidebar and create a show", async () => {
      await page.getByRole("link", { name: "Live shows" }).click({ timeout: 30_000 })
      await page.getByRole("heading", { name: "Live shows" }).waitFor({ timeout: 30_000 })
      await page.getByRole("button", { name: "Create show" }).click()
      await page.locator("#show-title").fill("Console test show")
      await page.locator("#show-description").fill("Made by the browser test")
      await page.getByRole("button", { name: "Save" }).click()
      await page.waitForURL(/\/app\/live-shows\/show_[A-Za-z0-9]+$/, { timeout: 30_000 })
      showId = page.url().split("/").pop()!
      await page.getByRole("heading", { name: "Console test show" }).waitFor()
      await waitForText('[data-testid="show-status"]', "scheduled")
    })

    it("should go live, and show a refusal's code in the page (next lot with an empty lineup)", async () => {
      await page.getByRole("button", { name: "Go live" }).click()
      await waitForText('[data-testid="show-status"]', "live")
      await page.getByRole("button", { name: "Start next lot" }).click()
      await waitForText('[data-testid="console-error"]', "lineup_empty")
    })

    it("should add a lot from a demo product through the variant picker", async () => {
      await page.getByRole("button", { name: "Add lot" }).click()
      await page.getByPlaceholder("Search products").fill("Booster")
      await page.locator('[data-testid="variant-picker"] [data-variant-id]').first().click({ timeout: 30_000 })
      await page.locator("#lot-title").fill(LOT_TITLE)
      await page.locator("#lot-starting-price").fill("5")
      await page.locator("#lot-duration").fill("150")
      await page.getByRole("button", { name: "Add to lineup" }).click()
      const row = page.locator('[data-testid="lineup-row"]', { hasText: LOT_TITLE })
      await row.waitFor({ timeout: 30_000 })
      const href = await row.locator('a[href*="/live-shows/lots/"]').getAttribute("href")
      lotId = href!.split("/").pop()!
      expect(lotId).toMatch(/^auc_/)
    })

    it("should start the lot, run its countdown, and show a Store API bid in the feed and price within 1 s", async () => {
      await page.getByRole("button", { name: "Start next lot" }).click()
      const countdown = page.locator('[data-testid="countdown"]')
      await countdown.waitFor({ timeout: 30_000 })
      const first = await countdown.textContent()
      expect(first).toMatch(/^\d+:\d{2}$/)
      // It runs: the text changes without a reload.
      await page.waitForFunction((t) => document.querySelector('[data-testid="countdown"]')?.textContent !== t, first, {
        timeout: 5_000,
      })
      await page.getByText("realtime connected").waitFor({ timeout: 30_000 })

      const login = await fetch(`${base}/auth/customer/emailpass`, {
        method: "POST",
        headers: storeHeaders(),
        body: JSON.stringify({ email: "buyer@live-commerce.local", password: "live-commerce-buyer" }),
      })
      const { token } = (await login.json()) as { token: string }
      const me = await fetch(`${base}/store/customers/me`, { headers: { ...storeHeaders(), authorization: `Bearer ${token}` } })
      buyerId = ((await me.json()) as { customer: { id: string } }).customer.id
      const bid = await fetch(`${base}/store/auctions/${lotId}/bids`, {
        method: "POST",
        headers: { ...storeHeaders(), authorization: `Bearer ${token}` },
        body: JSON.stringify({ amount: 12, idempotency_key: randomUUID() }),
      })
      const answered = Date.now()
      expect([bid.status, await bid.text()]).toEqual([200, expect.any(String)])
      await Promise.all([waitForText('[data-testid="bid-feed"]', "12.00", 5_000), waitForText('[data-testid="current-price"]', "12.00", 5_000)])
      expect(Date.now() - answered).toBeLessThan(1_000)
    })

    it("should count a viewer who joins the show", async () => {
      // The console itself is no viewer: it joins the show's room for the chat, and admin users' sockets are not counted.
      await waitForText('[data-testid="viewers"]', "0 watching")
      const before = 0
      const config = await fetch(`${base}/store/live/config`, { headers: storeHeaders() })
      const { realtime } = ((await config.json()) as { config: { realtime: { url: string } } }).config
      const viewer = io(realtime.url, { transports: ["websocket"] })
      try {
        const joined = await viewer.timeout(10_000).emitWithAck("room:join", { room: `show:${showId}` })
        expect(joined.ok).toBe(true)
        await waitForText('[data-testid="viewers"]', `${before + 1} watching`, 15_000)
      } finally {
        viewer.disconnect()
      }
    })

    it("should show the bid on the lot's page, with its history", async () => {
      await page.goto(`${base}/app/live-shows/lots/${lotId}`, { waitUntil: "domcontentloaded" })
      await page.getByRole("heading", { name: LOT_TITLE }).waitFor({ timeout: 30_000 })
      await waitForText('[data-testid="bid-history"]', "12.00")
      await waitForText('[data-testid="bid-history"]', "straight")
    })

    it("should list the lot on its product's page, and auction the product from there (product widget)", async () => {
      const res = await fetch(`${base}/store/products?handle=sealed-booster-box`, { headers: storeHeaders() })
      const { products } = (await res.json()) as { products: { id: string }[] }
      await page.goto(`${base}/app/products/${products[0].id}`, { waitUntil: "domcontentloaded" })
      await waitForText('[data-testid="product-lots-widget"]', LOT_TITLE)

      // "Auction this product": a standalone lot for its variant.
      const widget = page.locator('[data-testid="product-lots-widget"]')
      await widget.getByRole("button", { name: "Auction this product" }).click({ timeout: 30_000 })
      await page.locator("#lot-title").fill("Widget lot")
      await page.getByRole("button", { name: "Create lot" }).click()
      await waitForText('[data-testid="product-lots-widget"]', "Widget lot")
      expect(pageErrors).toEqual([])
    })

    it("should list the buyer's bid on their customer page (customer widget)", async () => {
      await page.goto(`${base}/app/customers/${buyerId}`, { waitUntil: "domcontentloaded" })
      await waitForText('[data-testid="customer-live-widget"]', lotId)
      await waitForText('[data-testid="customer-live-widget"]', "Block bidder")
    })

    it("should let staff give a show to the demo seller, who sees only their own shows and edits their lineup", async () => {
      const { app, browser } = stack()
      const [, adminEmail, adminPassword] = app.output().match(/Admin .*\(login (\S+) \/ (\S+)\)/)!
      const [, email, password] = app.output().match(/Seller .*\(login (\S+) \/ (\S+):/)!
      const login = await fetch(`${base}/auth/user/emailpass`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: adminEmail, password: adminPassword }),
      })
      const staff = { "content-type": "application/json", authorization: `Bearer ${((await login.json()) as { token: string }).token}` }
      const other = await fetch(`${base}/admin/shows`, { method: "POST", headers: staff, body: JSON.stringify({ title: "A staff-only show" }) })
      expect(other.status).toBe(200)

      // Staff give a show to the seller from the Admin.
      await page.goto(`${base}/app/live-shows`, { waitUntil: "domcontentloaded" })
      await page.getByRole("button", { name: "Create show" }).click()
      await page.locator("#show-title").fill("Assigned by staff")
      await page.getByRole("combobox").click()
      await page.getByRole("option", { name: /Demo Seller/ }).click()
      await page.getByRole("button", { name: "Save" }).click()
      await page.waitForURL(/\/app\/live-shows\/show_[A-Za-z0-9]+$/, { timeout: 30_000 })

      const context = await browser.newContext()
      try {
        const seller = await context.newPage()
        seller.on("pageerror", (err) => pageErrors.push(err.message))
        await seller.goto(`${base}/app`, { waitUntil: "domcontentloaded", timeout: 60_000 })
        await seller.locator('input[name="email"]').fill(email, { timeout: 60_000 })
        await seller.locator('input[name="password"]').fill(password)
        await seller.locator('button[type="submit"]').click()
        await seller.waitForURL(/\/app\/orders/, { timeout: 60_000 })
        await seller.goto(`${base}/app/live-shows`, { waitUntil: "domcontentloaded" })
        const own = seller.getByRole("link", { name: "Demo Seller's Friday lineup" })
        await own.waitFor({ timeout: 30_000 })
        await seller.getByRole("link", { name: "Assigned by staff" }).waitFor()
        expect(await seller.getByText("A staff-only show").count()).toBe(0)
        await seller.getByRole("tab", { name: "Live" }).click()
        await seller.getByText("No shows here yet.").waitFor()
        expect(await seller.getByText("Console test show").count()).toBe(0)
        // Their console: the seeded lineup of four lots.
        await seller.getByRole("tab", { name: "Upcoming" }).click()
        await own.click()
        await seller.waitForURL(/\/app\/live-shows\/show_/)
        await seller.waitForFunction(() => document.querySelectorAll('[data-testid="lineup-row"]').length === 4, null, { timeout: 30_000 })
        const rows = seller.locator('[data-testid="lineup-row"]')
        const firstTitle = await rows.nth(0).locator("a").textContent()

        // Reorder: the first lot moves down one place.
        await rows.nth(0).getByRole("button", { name: "Move down" }).click()
        await seller.waitForFunction(
          (t) => document.querySelectorAll('[data-testid="lineup-row"] a')[1]?.textContent === t,
          firstTitle,
          { timeout: 15_000 }
        )
        // Edit a lot's timer: its row shows the new duration.
        await rows.nth(0).getByRole("button", { name: "Edit lot" }).click()
        await seller.locator("#lot-duration").fill("45")
        await seller.getByRole("button", { name: "Save" }).click()
        await seller.waitForFunction(() => document.querySelector('[data-testid="lineup-row"]')?.textContent?.includes("45s"), null, {
          timeout: 15_000,
        })

        // Staff see every show.
        await page.goto(`${base}/app/live-shows`, { waitUntil: "domcontentloaded" })
        await page.getByRole("link", { name: "A staff-only show" }).waitFor({ timeout: 30_000 })
        expect(await page.getByText("Demo Seller's Friday lineup").count()).toBe(1)
      } finally {
        await context.close()
      }
      expect(pageErrors).toEqual([])
    })
  })
}
