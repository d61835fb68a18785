import type { Browser, Page } from "playwright-core"
import { FAKE_MEDIA_ARGS, launchChromium } from "./browser"
import { FakeLiveKit } from "./fake-livekit"
import { FakeStripe } from "./fake-stripe"
import { embeddedEnv, freePorts, launch, makeDataDir, stopStack, type Launched } from "./launcher"
import { LocalS3 } from "./local-s3"

export type Json = Record<string, any>

/** A dropped seller is "reconnecting" this long, then "lost" (`livekit.publisherGraceSeconds`). */
export const PUBLISHER_GRACE_SECONDS = 3

export type BrowserStack = {
  app: Launched
  base: string
  viewerUrl: string
  /** `{ "x-publishable-api-key": pk }` */
  store: Record<string, string>
  /** `{ authorization: "Bearer <admin token>" }` (the demo admin) */
  admin: Record<string, string>
  adminLogin: { email: string; password: string }
  /** Headless Chromium with FAKE_MEDIA_ARGS (the console's camera preview needs a fake camera). */
  browser: Browser
  livekit: FakeLiveKit
  livekitUrl: string
  s3: LocalS3
  /** The stack's HTTP API; a status >= 400 throws with the body. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Json>
  /** A logged-in Admin page in its own context (viewport 1280x900), at /app/orders. */
  adminPage(): Promise<Page>
}

/**
 * ONE `npm start` stack (Medusa, the Admin, the sidecar, the viewer page, the embedded PostgreSQL)
 * for every browser scenario of the calling test file, booted in its beforeAll and stopped (and
 * checked to stop cleanly) in its afterAll. LiveKit is `FakeLiveKit` and S3 is `LocalS3` (s3rver),
 * so the store runs with video and media on: shows that go live get a LiveKit room, and Medusa's
 * file-s3 serves the demo's product images from S3. The Admin (built on its first request) is
 * loaded once here, outside any test's bounds. Scenarios share the database: each makes its own
 * shows, lots and customers. Returns a getter (the stack exists once beforeAll has run).
 * E2E_OUTPUT_FILE=/tmp/stack.log keeps the stack's output.
 */
export function useBrowserStack(): () => BrowserStack {
  // The scenarios' tests without a bound of their own (the console's, the video's) get this one.
  jest.setTimeout(6 * 60_000)
  let stack: BrowserStack | undefined
  let app: Launched | undefined
  let dataDir = ""
  let browser: Browser | undefined
  const livekit = new FakeLiveKit()
  const s3 = new LocalS3(FakeStripe.reservePort())

  beforeAll(async () => {
    const livekitUrl = `ws://127.0.0.1:${await livekit.listen()}`
    await s3.start()
    dataDir = await makeDataDir()
    const ports = await freePorts()
    app = launch({
      ...embeddedEnv(ports, dataDir),
      LIVEKIT_URL: livekitUrl,
      LIVEKIT_API_KEY: livekit.apiKey,
      LIVEKIT_API_SECRET: livekit.apiSecret,
      LIVEKIT_PUBLISHER_GRACE_SECONDS: String(PUBLISHER_GRACE_SECONDS),
      // Recordings go to S3 (the egress is started only with a bucket to write to).
      ...s3.appEnv(),
    })
    await app.waitFor(/\[live\] ready/, 200_000)
    const out = app.output()
    const base = `http://localhost:${ports.medusa}`
    const viewerUrl = out.match(/Viewer page\s+(http:\/\/\S+)/)![1]
    expect(viewerUrl).toBe(`http://localhost:${ports.storefront}`)
    const store = { "x-publishable-api-key": out.match(/x-publishable-api-key: (pk_[0-9a-f]+)/)![1] }
    const [, email, password] = out.match(/Admin .*\(login (\S+) \/ (\S+)\)/)!
    const adminLogin = { email, password }

    const call = async (method: string, urlPath: string, body?: unknown, headers: Record<string, string> = {}): Promise<Json> => {
      const res = await fetch(`${base}${urlPath}`, {
        method,
        headers: { "content-type": "application/json", ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const json = (await res.json().catch(() => ({}))) as Json
      if (res.status >= 400) {
        throw new Error(`${method} ${urlPath}: ${res.status} ${JSON.stringify(json)}`)
      }
      return json
    }
    const { token } = await call("POST", "/auth/user/emailpass", adminLogin)
    const admin = { authorization: `Bearer ${token}` }

    browser = await launchChromium({ args: FAKE_MEDIA_ARGS })
    const chromium = browser
    // The Admin is built on its first request: load it once here, outside the steps' bounds.
    const warm = await chromium.newPage()
    await warm.goto(`${base}/app/login`, { waitUntil: "domcontentloaded", timeout: 150_000 })
    await warm.locator('input[name="email"]').waitFor({ timeout: 150_000 })
    await warm.close()

    const adminPage = async (): Promise<Page> => {
      const context = await chromium.newContext({ viewport: { width: 1280, height: 900 } })
      const page = await context.newPage()
      await page.goto(`${base}/app`, { waitUntil: "domcontentloaded", timeout: 60_000 })
      await page.locator('input[name="email"]').fill(adminLogin.email, { timeout: 60_000 })
      await page.locator('input[name="password"]').fill(adminLogin.password)
      await page.locator('button[type="submit"]').click()
      await page.waitForURL(/\/app\/orders/, { timeout: 60_000 })
      return page
    }

    stack = { app, base, viewerUrl, store, admin, adminLogin, browser, livekit, livekitUrl, s3, call, adminPage }
  }, 6 * 60_000)

  afterAll(async () => {
    await browser?.close()
    try {
      if (dataDir) {
        await stopStack(app, dataDir)
      }
    } finally {
      await livekit.close()
      await s3.stop()
    }
  })

  return () => {
    if (!stack) {
      throw new Error("the browser stack did not start (see beforeAll's error)")
    }
    return stack
  }
}
