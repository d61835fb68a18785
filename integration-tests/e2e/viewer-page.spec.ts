import { rm } from "node:fs/promises"
import type { Browser, Page } from "playwright-core"
import { launchChromium } from "../helpers/browser"
import { waitFor } from "../helpers/wait"
import { embeddedEnv, expectCleanStop, freePorts, launch, makeDataDir, type Launched } from "../helpers/launcher"

jest.setTimeout(5 * 60_000)

type Json = Record<string, any>

/**
 * The viewer page `npm start` serves (storefront/), driven in headless Chromium against the whole
 * stack: an anonymous viewer watches a show, two customers bid against each other in two
 * browsers, the winner pays through Medusa's checkout and the order is checked over the Admin API.
 * The show and its lot are made over the Admin HTTP API (the demo seed's show is not relied on).
 */
describe("the viewer page (npm start's demo storefront)", () => {
  let dataDir: string
  let app: Launched
  let browser: Browser
  let base: string
  let viewerUrl: string
  let store: Record<string, string>
  let admin: Record<string, string>
  const pageErrors: string[] = []

  beforeAll(async () => {
    dataDir = await makeDataDir()
    const ports = await freePorts()
    app = launch(embeddedEnv(ports, dataDir))
    await app.waitFor(/\[live\] ready/, 180_000)
    const out = app.output()
    base = `http://localhost:${ports.medusa}`
    viewerUrl = out.match(/Viewer page\s+(http:\/\/\S+)/)![1]
    expect(viewerUrl).toBe(`http://localhost:${ports.storefront}`)
    store = { "x-publishable-api-key": out.match(/x-publishable-api-key: (pk_[0-9a-f]+)/)![1] }
    const [, email, password] = out.match(/login (\S+) \/ (\S+)\)/)!
    const { token } = await call("POST", "/auth/user/emailpass", { email, password })
    admin = { authorization: `Bearer ${token}` }
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    if (app) {
      app.signal("SIGINT")
      expectCleanStop(await app.exited, "SIGINT", app.output())
    }
    await rm(dataDir, { recursive: true, force: true })
  })

  /** The stack's HTTP API; a status ≥ 400 throws with the body. */
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Json> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const json = (await res.json().catch(() => ({}))) as Json
    if (res.status >= 400) {
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`)
    }
    return json
  }

  /** A customer registered through the Store API, as a storefront's sign-up form does it. */
  async function registerCustomer() {
    const email = `rival-${Date.now().toString(36)}@viewer.test`
    const password = "rival-password"
    const { token } = await call("POST", "/auth/customer/emailpass/register", { email, password })
    await call("POST", "/store/customers", { email, first_name: "Rival", last_name: "Bidder" }, { ...store, authorization: `Bearer ${token}` })
    return { email, password }
  }

  async function openPage(path = "/"): Promise<Page> {
    const context = await browser.newContext()
    const page = await context.newPage()
    page.on("pageerror", (err) => pageErrors.push(err.message))
    await page.goto(`${viewerUrl}${path}`, { waitUntil: "domcontentloaded" })
    return page
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

  /** Waits until the element with this test id reads exactly `text`. */
  const shows = (page: Page, testId: string, text: string | RegExp, timeout = 15_000) =>
    page
      .locator(`[data-testid="${testId}"]`, { hasText: typeof text === "string" ? new RegExp(`^${escape(text)}$`) : text })
      .waitFor({ timeout })

  it("should let a viewer watch, two customers bid, the winner pay, and place the order at the hammer price", async () => {
    // The show and its lot, made by staff. The lot's soft close spans it all and resets the end to
    // 12 s after each bid: however slow this machine is, no step below races the hammer.
    const title = `Viewer page test show ${Date.now().toString(36)}`
    const { products } = await call("GET", "/store/products?fields=id,title,thumbnail,*variants", undefined, store)
    const product = products[0]
    const { show } = await call(
      "POST",
      "/admin/shows",
      { title, playback_url: "https://video.example.com/live/viewer-test.m3u8" },
      admin
    )
    const { auction } = await call(
      "POST",
      "/admin/auctions",
      {
        title: "Signed rookie card",
        currency_code: "usd",
        starting_price: 10,
        show_id: show.id,
        product_variant_id: product.variants[0].id,
        duration_seconds: 25,
        soft_close_seconds: 25,
        soft_close_mode: "reset",
        extend_seconds: 12,
      },
      admin
    )
    const rival = await registerCustomer()

    // An anonymous viewer finds the show among the upcoming ones: no video before it goes live.
    const viewer = await openPage()
    await viewer.getByRole("link", { name: new RegExp(`^${title}`) }).click()
    await viewer.getByText("The video starts when the seller goes live.").waitFor({ timeout: 30_000 })
    await viewer.getByText("The next lot appears here when the seller starts it.").waitFor()

    // The rival waits on the same show, logged in.
    const rivalPage = await openPage(`/#/shows/${show.id}`)
    await rivalPage.getByText("The next lot appears here when the seller starts it.").waitFor({ timeout: 30_000 })
    await logIn(rivalPage, rival)

    // The seller goes live and starts the lot: both pages follow the show's room.
    await call("POST", `/admin/shows/${show.id}/go-live`, {}, admin)
    await viewer.locator('video[data-testid="video"]').waitFor({ timeout: 15_000 })
    await call("POST", `/admin/auctions/${auction.id}/start`, {}, admin)
    for (const page of [viewer, rivalPage]) {
      await shows(page, "lot-title", "Signed rookie card")
      await shows(page, "price", "$10.00")
      await shows(page, "bid-count", "starting bid")
    }
    await viewer.getByText("No bids yet: be the first.").waitFor()
    // The product's picture, served by Medusa's file provider on this stack's port.
    expect(await viewer.locator("img.lot-image").getAttribute("src")).toBe(product.thumbnail)
    expect(product.thumbnail).toMatch(new RegExp(`^${escape(base)}/static/`))
    await viewer.waitForFunction(() => (document.querySelector("img.lot-image") as HTMLImageElement | null)?.naturalWidth)
    // The countdown runs (it reads the sidecar's clock).
    const countdown = viewer.getByTestId("countdown")
    const first = await countdown.textContent()
    expect(first).toMatch(/^0:\d\d$/)
    await viewer.waitForFunction((before) => document.querySelector('[data-testid="countdown"]')?.textContent !== before, first, { timeout: 5000 })
    // Anonymous viewers watch: no bid button until they log in.
    expect(await viewer.getByTestId("one-tap").count()).toBe(0)

    // The viewer logs in as the demo customer (the form offers it) and bids the minimum in one tap.
    await logIn(viewer)
    await viewer.getByTestId("one-tap").click()
    await shows(viewer, "price", "$10.00")
    await shows(viewer, "bid-count", "1 bid")
    await viewer.getByTestId("you-lead").waitFor()
    // The rival sees the price move, and the bid in the feed.
    await shows(rivalPage, "bid-count", "1 bid")
    await rivalPage.getByTestId("feed").getByText("$10.00").waitFor()

    // A refusal shows the server's code: a straight bid under the minimum.
    await rivalPage.getByLabel("Your amount").fill("5")
    await rivalPage.getByLabel("Kind of bid").selectOption("amount")
    await rivalPage.getByRole("button", { name: "Place" }).click()
    await rivalPage.locator('[data-code="bid_too_low"]').waitFor({ timeout: 15_000 })

    // The rival outbids in one tap; the viewer is told within a second of the rival's bid being taken.
    await shows(rivalPage, "one-tap", "Bid $11.00")
    await rivalPage.getByTestId("one-tap").click()
    await rivalPage.getByTestId("you-lead").waitFor({ timeout: 15_000 })
    const accepted = Date.now()
    await viewer.getByTestId("notice-outbid").waitFor({ timeout: 1000 })
    expect(Date.now() - accepted).toBeLessThanOrEqual(1000)
    await shows(viewer, "price", "$11.00")
    await shows(viewer, "bid-count", "2 bids")

    // A max bid far above the price asks first; confirmed, the proxy answers at the next step.
    await viewer.getByLabel("Your amount").fill("500")
    await viewer.getByLabel("Kind of bid").selectOption("max_amount")
    await viewer.getByRole("button", { name: "Place" }).click()
    const dialog = viewer.getByRole("dialog")
    await dialog.getByText(/Max bid \$500\.00\? That is far above the current price of \$11\.00/).waitFor()
    await dialog.getByRole("button", { name: "Confirm" }).click()
    await shows(viewer, "price", "$12.00")
    await shows(viewer, "you-lead", "You lead (your max $500.00)")
    await shows(rivalPage, "price", "$12.00")
    await rivalPage.getByTestId("notice-outbid").waitFor({ timeout: 5000 })

    // The hammer falls (12 s after the last bid at most): everyone sees it, the winner is told.
    await shows(viewer, "hammer", "Sold for $12.00", 60_000)
    await shows(rivalPage, "hammer", "Sold for $12.00")
    const won = viewer.getByTestId("notice-won")
    await won.waitFor({ timeout: 15_000 })

    // Pay now: the cart holds the lot at the hammer price; Medusa's checkout places the order.
    await won.getByRole("link", { name: "Pay now" }).click()
    await shows(viewer, "line-price", "$12.00", 60_000)
    await viewer.getByRole("button", { name: "Place order" }).click()
    await viewer.getByRole("heading", { name: "Order placed" }).waitFor({ timeout: 60_000 })
    const displayId = ((await viewer.getByTestId("order-number").textContent()) ?? "").replace("#", "")

    // Staff see the order, at the hammer price.
    const lot_offers = await waitFor("the lot offer paid", async () => {
      const { lot_offers } = await call("GET", `/admin/lot-offers?auction_id=${auction.id}`, undefined, admin)
      return lot_offers[0]?.status === "paid" && lot_offers
    })
    expect(lot_offers).toEqual([expect.objectContaining({ status: "paid", amount: 12, order_id: expect.any(String) })])
    const { order } = await call("GET", `/admin/orders/${lot_offers[0].order_id}?fields=id,display_id,email,*items`, undefined, admin)
    expect(String(order.display_id)).toBe(displayId)
    expect(order.email).toBe("buyer@live-commerce.local")
    expect(order.items).toEqual([expect.objectContaining({ unit_price: 12, quantity: 1 })])

    expect(pageErrors).toEqual([])
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}
