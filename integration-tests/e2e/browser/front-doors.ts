import { randomUUID } from "node:crypto"
import { mkdir, readdir, rm } from "node:fs/promises"
import path from "node:path"
import type { BrowserContext, ConsoleMessage, Page } from "playwright-core"
import type { BrowserStack, Json } from "../../helpers/browser-stack"
import { ROOT } from "../../helpers/launcher"
import { waitFor } from "../../helpers/wait"

/** Each step's screenshots: `<step>-<n>-<what>.png`; E2E_ARTIFACTS_DIR, else .data/e2e-artifacts/front-doors. */
const ARTIFACTS = path.resolve(ROOT, process.env.E2E_ARTIFACTS_DIR || path.join(".data", "e2e-artifacts", "front-doors"))
const SCREENSHOT_NAME = /^\d+-\d+-[\w-]+\.png$/

/** The lot, as the seller sets it up in the Admin: long enough that no step races the hammer. */
const LOT = { starting_price: 10, duration_seconds: 45, soft_close_seconds: 15 }
/** Bid here: the countdown (whole seconds, rounded up) is this far inside the soft-close window. */
const WINDOW_BID_AT_SECONDS = 12
/** The realtime promise: a viewer sees someone else's bid within this of its HTTP 200. */
const SEEN_WITHIN_MS = 1_000

/**
 * Issue #13's acceptance test: the product's front doors used as people would, on ONE `npm start`
 * stack (the browser stack, shared with the other browser scenarios), in headless Chromium. The
 * demo admin sets up a show and a lot in the Admin and runs it from the console; an anonymous
 * viewer watches, then two customers bid against each other on the viewer page (each sees the
 * other's bid within a second of its acknowledgement; a bid in the soft-close window moves the
 * end), the winner pays through Medusa's checkout, and the Admin's order page shows the lot and
 * show. No page may log a console error. Screenshots of each step go to ARTIFACTS.
 *
 * The stack has LiveKit (the fake) configured: a show that goes live gets a LiveKit room, so the
 * viewer page plays it through its LiveKit player even though the admin gave the show an external
 * playback URL (the external player page is for stores without LiveKit; storefront's
 * video.unit.spec covers that choice). The demo's product images are on the stack's S3.
 */
export function frontDoorsScenario(stack: () => BrowserStack): void {
  describe("the front doors: Admin console, viewer page, checkout, order", () => {
    let base: string
    let viewerUrl: string
    let store: Record<string, string>
    let admin: Record<string, string>
    let adminLogin: { email: string; password: string }
    let call: BrowserStack["call"]
    /** Every console error and uncaught exception, of every page, as `<page>: <text>`. */
    const consoleErrors: string[] = []
    const pages: Record<string, Page> = {}
    const contexts: BrowserContext[] = []
    let shot = 0
    let adminLoggedIn = false
    /** Bids the test expects the server to refuse: the browser logs each one's 4xx (see knownBenign). */
    let expectedRefusals = 0
    /**
     * The show's external playback URL, as a seller types it in (unused on this store: the show
     * plays through LiveKit, and nothing may load it).
     */
    const playerUrl = "http://127.0.0.1:9/embed/front-doors"

    beforeAll(async () => {
      await mkdir(ARTIFACTS, { recursive: true })
      for (const file of await readdir(ARTIFACTS)) {
        if (SCREENSHOT_NAME.test(file) || file.startsWith("failed-")) {
          await rm(path.join(ARTIFACTS, file))
        }
      }
      ;({ base, viewerUrl, store, admin, adminLogin, call } = stack())
    })

    afterAll(async () => {
      // Its pages go (the viewers' LiveKit players would keep retrying through the next scenarios).
      await Promise.all(contexts.map((c) => c.close().catch(() => undefined)))
    })

    /** A page in its own browser context (its own storage: its own login), watched for errors. */
    async function openPage(name: string, url: string): Promise<Page> {
      const context = await stack().browser.newContext({ viewport: name === "admin" ? { width: 1280, height: 900 } : { width: 420, height: 900 } })
      contexts.push(context)
      const page = await context.newPage()
      page.on("console", (msg) => {
        if (msg.type() === "error" && !knownBenign(name, msg)) {
          consoleErrors.push(`${name}: ${msg.text()} (${msg.location().url})`)
        }
      })
      page.on("pageerror", (err) => consoleErrors.push(`${name}: uncaught ${err.message}`))
      pages[name] = page
      await page.goto(url, { waitUntil: "domcontentloaded", timeout: 60_000 })
      return page
    }

    /** Console errors that are no fault of this project's pages; each one narrowly, with why. */
    function knownBenign(name: string, msg: ConsoleMessage): boolean {
      const text = msg.text()
      const url = msg.location().url
      // Medusa's own Admin asks who is logged in before anyone is (GET /admin/users/me → 401, twice);
      // Chromium logs a failed fetch as a console error. Only before the login, only that route.
      if (name === "admin" && !adminLoggedIn && url === `${base}/admin/users/me` && text.includes("status of 401")) {
        return true
      }
      // Medusa's own order page draws the address's country flag with react-country-flag, whose SVGs
      // come from a CDN: this machine has no network. Only that CDN's flag files, only the Admin.
      if (name === "admin" && url.startsWith("https://cdn.jsdelivr.net/gh/lipis/flag-icons/flags/") && text.includes("ERR_NAME_NOT_RESOLVED")) {
        return true
      }
      // Medusa's own order page (its summary's Cost row puts a tooltip <div> inside a <p>): React's
      // development build warns through console.error. Only that warning, only from that component.
      if (name === "admin" && text.startsWith("Warning: validateDOMNesting") && /\bat Cost \(.*\/order-detail-/.test(text)) {
        return true
      }
      // The refusal this test provokes on purpose (bid_too_low is a 400): Chromium logs the 4xx the
      // page then shows. Only as many as expected, only on this lot's bid route.
      if (expectedRefusals > 0 && url === `${base}/store/auctions/${lotId}/bids` && text.includes("status of 400")) {
        expectedRefusals -= 1
        return true
      }
      return false
    }

    /** A screenshot of one step into ARTIFACTS, `<step>-<n>-<what>.png`. */
    async function screenshot(page: Page, step: number, what: string) {
      shot += 1
      await page.screenshot({ path: path.join(ARTIFACTS, `${step}-${String(shot).padStart(2, "0")}-${what}.png`), fullPage: true })
    }

    /** Runs step `n`; on failure, every open page's screenshot goes to ARTIFACTS as `failed-<n>-<page>.png`. */
    async function step(n: number, run: () => Promise<void>) {
      try {
        await run()
      } catch (err) {
        for (const [name, page] of Object.entries(pages)) {
          await page.screenshot({ path: path.join(ARTIFACTS, `failed-${n}-${name}.png`), fullPage: true, timeout: 5_000 }).catch(() => undefined)
        }
        throw err
      }
    }

    /** Waits until the element with this test id reads exactly `text`. */
    const shows = (page: Page, testId: string, text: string | RegExp, timeout = 15_000) =>
      page
        .locator(`[data-testid="${testId}"]`, { hasText: typeof text === "string" ? new RegExp(`^${escape(text)}$`) : text })
        .waitFor({ timeout })

    /**
     * Starts watching `page` for the elements with these test ids to contain these texts; resolves
     * with the page's clock (ms since the epoch) when they first all do. Start it BEFORE the action.
     */
    function seenAt(page: Page, checks: Array<[testId: string, text: string]>, timeout = 15_000): Promise<number> {
      return page
        .waitForFunction(
          (want) =>
            want.every(([id, text]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes(text)) && Date.now(),
          checks,
          { timeout, polling: 20 }
        )
        .then((handle) => handle.jsonValue() as Promise<number>)
    }

    /**
     * Does `action` on `page` and waits for the bid's HTTP 200 there; returns when its answer reached
     * the browser (ms since the epoch), the moment the other side's "within 1 s" is measured from.
     */
    async function bidAcknowledged(page: Page, action: () => Promise<void>): Promise<number> {
      const [response] = await Promise.all([
        page.waitForResponse(
          (r) => r.request().method() === "POST" && /\/store\/auctions\/[^/]+\/bids$/.test(new URL(r.url()).pathname),
          { timeout: 15_000 }
        ),
        action(),
      ])
      expect(response.status()).toBe(200)
      const timing = response.request().timing()
      return timing.responseStart >= 0 ? timing.startTime + timing.responseStart : Date.now()
    }

    /** The countdown's whole seconds, as displayed ("0:42" → 42). */
    const countdownSeconds = async (page: Page) => {
      const text = (await page.getByTestId("countdown").textContent()) ?? ""
      const [, m, s] = text.match(/^(\d+):(\d\d)$/) ?? []
      if (m === undefined) {
        throw new Error(`no running countdown: "${text}"`)
      }
      return Number(m) * 60 + Number(s)
    }

    /**
     * The Admin's toasts (4 s) may cover a button: a person moves the mouse off them (hovering pauses
     * them) and waits for them to go.
     */
    async function toastsGone(page: Page) {
      await page.mouse.move(300, 300)
      await page.waitForFunction(() => !document.querySelector("[data-sonner-toast]"), null, { timeout: 15_000, polling: 100 })
    }

    async function logIn(page: Page, credentials?: { email: string; password: string }) {
      await page.getByRole("button", { name: "Log in", exact: true }).click()
      if (credentials) {
        await page.locator('input[name="email"]').fill(credentials.email)
        await page.locator('input[name="password"]').fill(credentials.password)
      }
      await page.getByRole("button", { name: "Log in to bid" }).click()
      await page.getByRole("button", { name: "Log out" }).waitFor({ timeout: 15_000 })
    }

    const SHOW_TITLE = `Front doors show ${randomUUID().slice(0, 6)}`
    const LOT_TITLE = `Front doors lot ${randomUUID().slice(0, 6)}`
    let product: Json
    let showId: string
    let lotId: string
    let adminPage: Page
    let viewer: Page
    let rival: Page
    let displayId: string
    let hammer: string

    it("1. the admin logs into the Admin, creates a show and a lot from a demo product, goes live and starts the lot", () =>
      step(1, async () => {
        const started = Date.now()
        const { products } = await call("GET", "/store/products?handle=sealed-booster-box&fields=id,title,thumbnail", undefined, store)
        product = products[0]

        adminPage = await openPage("admin", `${base}/app`)
        await adminPage.locator('input[name="email"]').fill(adminLogin.email, { timeout: 30_000 })
        await adminPage.locator('input[name="password"]').fill(adminLogin.password)
        await adminPage.locator('button[type="submit"]').click()
        await adminPage.waitForURL(/\/app\/orders/, { timeout: 30_000 })
        adminLoggedIn = true

        // Live shows → Create show.
        await adminPage.getByRole("link", { name: "Live shows" }).click({ timeout: 30_000 })
        await adminPage.getByRole("heading", { name: "Live shows" }).waitFor({ timeout: 15_000 })
        await adminPage.getByRole("button", { name: "Create show" }).click()
        await adminPage.locator("#show-title").fill(SHOW_TITLE)
        await adminPage.locator("#show-description").fill("Made by the front-doors test")
        await adminPage.locator("#show-playback-url").fill(playerUrl)
        await screenshot(adminPage, 1, "admin-create-show")
        await adminPage.getByRole("button", { name: "Save" }).click()
        await adminPage.waitForURL(/\/app\/live-shows\/show_[A-Za-z0-9]+$/, { timeout: 15_000 })
        showId = adminPage.url().split("/").pop()!
        await adminPage.getByRole("heading", { name: SHOW_TITLE }).waitFor()
        await shows(adminPage, "show-status", "scheduled")

        // Add lot: the demo product's variant through the picker, its price and timer.
        await adminPage.getByRole("button", { name: "Add lot" }).click()
        await adminPage.getByPlaceholder("Search products").fill("Booster")
        await adminPage.locator('[data-testid="variant-picker"] [data-variant-id]').first().click({ timeout: 15_000 })
        await adminPage.locator("#lot-title").fill(LOT_TITLE)
        await adminPage.locator("#lot-starting-price").fill(String(LOT.starting_price))
        await adminPage.locator("#lot-duration").fill(String(LOT.duration_seconds))
        await adminPage.locator("#lot-soft-close").fill(String(LOT.soft_close_seconds))
        await screenshot(adminPage, 1, "admin-add-lot")
        await adminPage.getByRole("button", { name: "Add to lineup" }).click()
        const row = adminPage.locator('[data-testid="lineup-row"]', { hasText: LOT_TITLE })
        await row.waitFor({ timeout: 15_000 })
        await row.getByText(`${LOT.duration_seconds}s · soft close ${LOT.soft_close_seconds}s (reset)`).waitFor()
        lotId = (await row.locator('a[href*="/live-shows/lots/"]').getAttribute("href"))!.split("/").pop()!
        expect(lotId).toMatch(/^auc_/)

        // Go live. Before the lot starts, the viewers arrive: an anonymous one through the list of
        // shows, and the rival (a second customer, registered over the Store API) logged in.
        await toastsGone(adminPage)
        await adminPage.getByRole("button", { name: "Go live" }).click()
        await shows(adminPage, "show-status", "live")
        await adminPage.getByText("realtime connected").waitFor({ timeout: 15_000 })

        viewer = await openPage("viewer", `${viewerUrl}/`)
        await viewer.getByRole("link", { name: new RegExp(`^${escape(SHOW_TITLE)}`) }).click({ timeout: 30_000 })
        await viewer.getByText("The next lot appears here when the seller starts it.").waitFor({ timeout: 15_000 })
        // LiveKit is configured and the show went live with a room: its LiveKit player, not the external URL.
        await viewer.locator('[data-testid="livekit-player"]').waitFor({ timeout: 15_000 })
        expect(await viewer.locator('iframe[data-testid="video"]').count()).toBe(0)

        const rivalLogin = await registerCustomer()
        rival = await openPage("rival", `${viewerUrl}/#/shows/${showId}`)
        await rival.getByText("The next lot appears here when the seller starts it.").waitFor({ timeout: 30_000 })
        await logIn(rival, rivalLogin)

        // Start next lot: the console's countdown runs.
        await toastsGone(adminPage)
        await adminPage.getByRole("button", { name: "Start next lot" }).click()
        await adminPage.locator('[data-testid="current-lot"]', { hasText: LOT_TITLE }).waitFor({ timeout: 15_000 })
        const first = await adminPage.getByTestId("countdown").textContent({ timeout: 15_000 })
        expect(first).toMatch(/^\d+:\d\d$/)
        await screenshot(adminPage, 1, "admin-lot-running")
        console.log(`step 1: ${Date.now() - started} ms`)
      }), 70_000)

    it("2. two customers bid against each other on the viewer page; the winner pays and sees the order", () =>
      step(2, async () => {
        const started = Date.now()
        /** ms from a bid's HTTP 200 on one page to the other page showing it. */
        const latencies: number[] = []
        // The anonymous viewer: the lot came on screen with its picture, a running countdown, the feed.
        for (const page of [viewer, rival]) {
          await shows(page, "lot-title", LOT_TITLE)
          await shows(page, "price", "$10.00")
          await shows(page, "bid-count", "starting bid")
        }
        await viewer.getByTestId("feed").getByText("No bids yet: be the first.").waitFor()
        const image = viewer.locator("img.lot-image")
        expect(await image.getAttribute("src")).toBe(product.thumbnail)
        // Medusa's file provider on this stack is S3 (file-s3 with S3_FILE_URL): the demo's images are there.
        const { s3 } = stack()
        expect(product.thumbnail).toMatch(new RegExp(`^${escape(`${s3.endpoint}/${s3.bucket}/`)}`))
        await viewer.waitForFunction(() => (document.querySelector("img.lot-image") as HTMLImageElement | null)?.naturalWidth, null, {
          timeout: 15_000,
        })
        const first = await viewer.getByTestId("countdown").textContent()
        expect(first).toMatch(/^0:\d\d$/)
        await viewer.waitForFunction((before) => document.querySelector('[data-testid="countdown"]')?.textContent !== before, first, {
          timeout: 5_000,
        })
        expect(await viewer.getByTestId("one-tap").count()).toBe(0)
        await viewer.getByText("Log in to bid.").waitFor()
        await screenshot(viewer, 2, "anonymous-viewer")

        // The viewer logs in as the demo customer (the form offers it) and bids in one tap: the rival
        // sees it within a second of the viewer's HTTP 200.
        await logIn(viewer)
        let seen = seenAt(rival, [
          ["price", "$10.00"],
          ["bid-count", "1 bid"],
        ])
        let acked = await bidAcknowledged(viewer, () => viewer.getByTestId("one-tap").click())
        latencies.push(Math.round((await seen) - acked))
        expect(latencies.at(-1)).toBeLessThanOrEqual(SEEN_WITHIN_MS)
        await viewer.getByTestId("you-lead").waitFor()
        await rival.getByTestId("feed").getByText("$10.00").waitFor()

        // A refusal shows the server's code: a straight bid under the minimum.
        expectedRefusals = 1
        await rival.getByLabel("Your amount").fill("5")
        await rival.getByLabel("Kind of bid").selectOption("amount")
        await rival.getByRole("button", { name: "Place" }).click()
        await rival.locator('[data-code="bid_too_low"]').waitFor({ timeout: 15_000 })
        await screenshot(rival, 2, "rival-refused-bid-too-low")

        // The rival outbids in one tap: the viewer is told (price and private notice) within a second.
        await shows(rival, "one-tap", "Bid $11.00")
        seen = seenAt(viewer, [
          ["price", "$11.00"],
          ["notice-outbid", "the price is now 11.00"],
        ])
        acked = await bidAcknowledged(rival, () => rival.getByTestId("one-tap").click())
        latencies.push(Math.round((await seen) - acked))
        expect(latencies.at(-1)).toBeLessThanOrEqual(SEEN_WITHIN_MS)
        await rival.getByTestId("you-lead").waitFor({ timeout: 15_000 })
        await shows(viewer, "bid-count", "2 bids")
        await screenshot(viewer, 2, "viewer-outbid")

        // A max bid far above the price asks first; confirmed, the proxy answers at the next step and
        // the rival sees it within a second.
        await viewer.getByLabel("Your amount").fill("500")
        await viewer.getByLabel("Kind of bid").selectOption("max_amount")
        await viewer.getByRole("button", { name: "Place" }).click()
        const dialog = viewer.getByRole("dialog")
        await dialog.getByText(/Max bid \$500\.00\? That is far above the current price of \$11\.00/).waitFor()
        await screenshot(viewer, 2, "viewer-confirm-max-bid")
        seen = seenAt(rival, [
          ["price", "$12.00"],
          ["notice-outbid", "the price is now 12.00"],
        ])
        acked = await bidAcknowledged(viewer, () => dialog.getByRole("button", { name: "Confirm" }).click())
        latencies.push(Math.round((await seen) - acked))
        expect(latencies.at(-1)).toBeLessThanOrEqual(SEEN_WITHIN_MS)
        await shows(viewer, "you-lead", "You lead (your max $500.00)")

        // Into the soft-close window: the rival's bid there moves the end later on every screen.
        await rival.waitForFunction(
          (at) => {
            const [m, s] = (document.querySelector('[data-testid="countdown"]')?.textContent ?? "").split(":").map(Number)
            return m * 60 + s <= at
          },
          WINDOW_BID_AT_SECONDS,
          { timeout: (LOT.duration_seconds + 5) * 1000, polling: 100 }
        )
        const before = { at: Date.now(), left: await countdownSeconds(viewer) }
        expect(before.left).toBeLessThanOrEqual(LOT.soft_close_seconds)
        await screenshot(viewer, 2, "viewer-in-soft-close-window")
        await bidAcknowledged(rival, () => rival.getByTestId("one-tap").click())
        // The viewer's proxy answers at once (the rival is told so); the countdown jumps up.
        await rival.getByText("A max bid beat yours at once: bid again").waitFor({ timeout: 15_000 })
        await viewer.waitForFunction(
          (left) => {
            const [m, s] = (document.querySelector('[data-testid="countdown"]')?.textContent ?? "").split(":").map(Number)
            return m * 60 + s > left
          },
          before.left,
          { timeout: 5_000, polling: 20 }
        )
        const after = { at: Date.now(), left: await countdownSeconds(viewer) }
        // The displayed end (now + time left) moved later: by the window less the time left, ± rounding.
        expect(after.at + after.left * 1000 - (before.at + before.left * 1000)).toBeGreaterThan(1000)
        await viewer.getByText("Extended: a late bid added time").waitFor()
        await rival.getByText("Extended: a late bid added time").waitFor()
        hammer = (await viewer.getByTestId("price").textContent())!
        expect(hammer).toBe("$14.00")
        // The viewer's own last answer ("You lead at $12.00") went with the price it was about.
        expect(await viewer.getByText(/^You lead at /).count()).toBe(0)
        await screenshot(viewer, 2, "viewer-countdown-extended")

        // The hammer falls (the window after the last bid at most): the loser was told they were outbid,
        // the winner that they won.
        await shows(viewer, "hammer", `Sold for ${hammer}`, (LOT.soft_close_seconds + 20) * 1000)
        await shows(rival, "hammer", `Sold for ${hammer}`)
        await rival.getByTestId("notice-outbid").first().waitFor()
        expect(await rival.getByTestId("notice-won").count()).toBe(0)
        const won = viewer.getByTestId("notice-won")
        await won.getByText(`You won it for ${hammer}!`).waitFor({ timeout: 15_000 })
        await screenshot(rival, 2, "rival-lost")
        await screenshot(adminPage, 2, "admin-console-after-hammer")
        await screenshot(viewer, 2, "viewer-won")

        // Pay now: the cart holds the lot at the hammer price; Medusa's checkout places the order.
        await won.getByRole("link", { name: "Pay now" }).click()
        await shows(viewer, "line-price", hammer, 30_000)
        await screenshot(viewer, 2, "viewer-checkout")
        await viewer.getByRole("button", { name: "Place order" }).click()
        await viewer.getByRole("heading", { name: "Order placed" }).waitFor({ timeout: 30_000 })
        displayId = ((await viewer.getByTestId("order-number").textContent()) ?? "").replace("#", "")
        expect(displayId).toMatch(/^\d+$/)
        await screenshot(viewer, 2, "viewer-order-placed")
        console.log(`step 2: ${Date.now() - started} ms; bids seen by the other page ${latencies.join(", ")} ms after their HTTP 200`)
      }), 125_000)

    it("3. the order's page in the Admin shows the lot and its show; the Admin API has the order at the hammer price", () =>
      step(3, async () => {
        const started = Date.now()
        // The Orders list, freshly loaded (the Admin keeps the empty list it showed at login for a while).
        await adminPage.goto(`${base}/app/orders`, { waitUntil: "domcontentloaded" })
        await adminPage.getByText(`#${displayId}`, { exact: true }).click({ timeout: 30_000 })
        await adminPage.waitForURL(/\/app\/orders\/order_[A-Za-z0-9]+$/, { timeout: 15_000 })
        const orderId = adminPage.url().split("/").pop()!
        await adminPage.getByRole("heading", { name: "Live auction" }).waitFor({ timeout: 30_000 })
        await adminPage.getByRole("link", { name: LOT_TITLE }).waitFor({ timeout: 15_000 })
        await adminPage.getByRole("link", { name: SHOW_TITLE }).waitFor({ timeout: 15_000 })
        await adminPage.getByText(`${hammer} (winner)`).waitFor()
        await screenshot(adminPage, 3, "admin-order-lot-widget")

        const lot_offers = await waitFor("the lot offer paid", async () => {
          const { lot_offers } = await call("GET", `/admin/lot-offers?auction_id=${lotId}`, undefined, admin)
          return lot_offers[0]?.status === "paid" && lot_offers
        })
        const amount = Number(hammer.replace("$", ""))
        expect(lot_offers).toEqual([expect.objectContaining({ status: "paid", amount, order_id: orderId })])
        const { order } = await call("GET", `/admin/orders/${orderId}?fields=id,display_id,email,*items`, undefined, admin)
        expect(String(order.display_id)).toBe(displayId)
        expect(order.email).toBe("buyer@live-commerce.local")
        expect(order.items).toEqual([expect.objectContaining({ unit_price: amount, quantity: 1 })])
        console.log(`step 3: ${Date.now() - started} ms`)
      }), 40_000)

    it("4. no page logged a console error or threw", () => {
      expect(consoleErrors).toEqual([])
    })

    /** A second customer, registered through the Store API as a storefront's sign-up form does it. */
    async function registerCustomer() {
      const email = `rival-${randomUUID().slice(0, 8)}@viewer.test`
      const password = "rival-password"
      const { token } = await call("POST", "/auth/customer/emailpass/register", { email, password })
      await call("POST", "/store/customers", { email, first_name: "Rival", last_name: "Bidder" }, { ...store, authorization: `Bearer ${token}` })
      return { email, password }
    }
  })
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}
