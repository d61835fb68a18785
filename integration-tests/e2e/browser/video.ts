import { randomUUID } from "node:crypto"
import { mkdir } from "node:fs/promises"
import path from "node:path"
import type { Page } from "playwright-core"
import { PUBLISHER_GRACE_SECONDS as GRACE_SECONDS, type BrowserStack, type Json } from "../../helpers/browser-stack"
import type { RtcConnection } from "../../helpers/fake-livekit"
import { ROOT } from "../../helpers/launcher"
import { TINY_PNG } from "../../helpers/local-s3"
import { waitFor } from "../../helpers/wait"

/** Screenshots of each step, `<n>-<what>.png`: E2E_ARTIFACTS_DIR/video, else .data/e2e-artifacts/video. */
const ARTIFACTS = path.resolve(ROOT, process.env.E2E_ARTIFACTS_DIR || path.join(".data", "e2e-artifacts"), "video")

/**
 * Issue #15's front doors, on one `npm start` stack (the browser stack,
 * shared with the other browser scenarios) in headless Chromium: the seller's console
 * makes an OBS ingress on request and shows its URL and stream key, previews the seller's camera
 * (Chromium's fake camera) and publishes it with a publisher token; the viewer page asks for a
 * viewer token and points livekit-client at the configured LiveKit URL with it (subscribe only,
 * that show's room), says "Seller reconnecting…" then "Stream lost" when the seller's link drops
 * (signed webhooks), and replays the recording of the ended show.
 *
 * No SFU runs here: LiveKit is `FakeLiveKit`, which speaks LiveKit's server API (Twirp, tokens and
 * grants checked), accepts livekit-client's WebSocket on `/rtc` and records its `access_token`, and
 * signs webhooks as LiveKit does; it never answers the join, so no media flows and the players
 * keep retrying. What is asserted is everything up to the media: who asked for which token, where
 * the browser connected with it, and what the pages say. S3 is `LocalS3` (s3rver, the real S3
 * protocol), where Medusa's file-s3 puts the demo's product images; recordings are never written
 * to it (LiveKit's egress would), only their URL is. Screenshots of the steps go to ARTIFACTS.
 */
export function videoScenario(stack: () => BrowserStack): void {
  describe("video in the front doors: console camera and OBS ingress, the viewer's LiveKit player, replays", () => {
    let livekit: BrowserStack["livekit"]
    let livekitUrl: string
    let s3: BrowserStack["s3"]
    let s3Url: string
    let BUCKET: string
    let browser: BrowserStack["browser"]
    let base: string
    let viewerUrl: string
    let admin: Record<string, string>
    let call: BrowserStack["call"]
    /** Its own show: a title no other scenario's show has. */
    const SHOW_TITLE = `Video show ${randomUUID().slice(0, 6)}`
    const SHOW_LINK = new RegExp(SHOW_TITLE)
    let adminPage: Page
    let viewer: Page
    let showId: string
    let roomName: string
    let sellerIdentity: string

    let shots = 0
    const screenshot = (page: Page, what: string) =>
      page.screenshot({ path: path.join(ARTIFACTS, `${String(++shots).padStart(2, "0")}-${what}.png`), fullPage: true })

    beforeAll(async () => {
      await mkdir(ARTIFACTS, { recursive: true })
      ;({ livekit, livekitUrl, s3, browser, base, viewerUrl, admin, call } = stack())
      s3Url = s3.endpoint
      BUCKET = s3.bucket

      // A live show, made over the API: going live makes its LiveKit room.
      const { show } = await call("POST", "/admin/shows", { title: SHOW_TITLE }, admin)
      showId = show.id
      const live = await call("POST", `/admin/shows/${showId}/go-live`, {}, admin)
      roomName = live.show.room_name
      expect(roomName).toBeTruthy()
      expect(livekit.rooms.has(roomName)).toBe(true)

      adminPage = await stack().adminPage()
    })

    afterAll(async () => {
      await adminPage?.context().close()
      await viewer?.context().close()
    })

    /** A LiveKit webhook, signed as LiveKit signs it, into `/hooks/livekit`. */
    async function webhook(body: string) {
      const res = await fetch(`${base}/hooks/livekit`, {
        method: "POST",
        headers: { "content-type": "application/webhook+json", authorization: await livekit.signWebhook(body) },
        body,
      })
      expect([res.status, await res.text()]).toEqual([200, expect.stringContaining("true")])
    }

    const waitForText = (page: Page, selector: string, text: string, timeout = 20_000) =>
      page.waitForFunction(([sel, t]) => !!document.querySelector(sel)?.textContent?.includes(t), [selector, text] as const, {
        timeout,
        polling: 100,
      })

    /** CreateIngress calls for this show's room (the fake LiveKit is the whole stack's). */
    const ingressCallsForRoom = () => livekit.callsOf("Ingress/CreateIngress").filter((c) => c.body.roomName === roomName)

    /** The browser's WebSocket to LiveKit opened with this token (recorded by the fake). */
    const connectionWith = (token: string) =>
      waitFor(`livekit-client's /rtc connection with the token`, async () => livekit.rtcConnections.find((c) => c.token === token), 30_000)

    it("should make an OBS ingress on request in the console and show its URL and stream key", async () => {
      await adminPage.goto(`${base}/app/live-shows/${showId}`, { waitUntil: "domcontentloaded" })
      const panel = adminPage.locator('[data-testid="show-video"]')
      await panel.getByRole("heading", { name: "Video" }).waitFor({ timeout: 30_000 })
      // Nothing is made before the seller asks.
      expect(await panel.locator('[data-testid="ingress"]').count()).toBe(0)
      expect(ingressCallsForRoom()).toHaveLength(0)

      await panel.getByRole("button", { name: "Get RTMP details" }).click()
      const url = panel.locator('[data-testid="ingress-url"]')
      await url.waitFor({ timeout: 15_000 })
      expect(ingressCallsForRoom()).toHaveLength(1)
      const made = [...livekit.ingresses.values()].find((i) => i.roomName === roomName)!
      expect(made).toBeTruthy()
      expect(await url.inputValue()).toBe(made.url)
      // The key is masked until asked for, and is the ingress's own.
      const key = panel.locator('[data-testid="ingress-key"]')
      expect(await key.getAttribute("type")).toBe("password")
      expect(await key.inputValue()).toBe(made.streamKey)
      await panel.getByRole("button", { name: "Show password" }).click()
      expect(await key.getAttribute("type")).toBe("text")
      await panel.getByRole("button", { name: "Copy the stream key" }).waitFor()
      await screenshot(adminPage, "console-ingress")

      // Asked again (a reload), the same ingress: nothing new is made.
      await adminPage.reload({ waitUntil: "domcontentloaded" })
      await adminPage.locator('[data-testid="ingress-url"]').waitFor({ timeout: 30_000 })
      expect(await adminPage.locator('[data-testid="ingress-key"]').inputValue()).toBe(made.streamKey)
      expect(ingressCallsForRoom()).toHaveLength(1)
    })

    it("should preview the seller's camera, then publish it with a publisher token for the show's room", async () => {
      const panel = adminPage.locator('[data-testid="show-video"]')
      await panel.getByRole("button", { name: "Start camera" }).click()
      await waitForText(adminPage, '[data-testid="camera-state"]', "Preview: only you see it")
      // Chromium's fake camera plays in the preview: frames with a size.
      await adminPage.waitForFunction(
        () => {
          const video = document.querySelector<HTMLVideoElement>('[data-testid="camera-preview"]')
          return !!video && !video.hidden && video.readyState >= 2 && video.videoWidth > 0
        },
        null,
        { timeout: 15_000 }
      )

      await screenshot(adminPage, "console-camera-preview")
      const before = livekit.rtcConnections.length
      const answer = adminPage.waitForResponse((r) => r.url().endsWith(`/admin/shows/${showId}/publisher-token`))
      await panel.getByRole("button", { name: "Go on air" }).click()
      const grant = (await (await answer).json()) as Json
      expect(grant.url).toBe(livekitUrl)
      const connection = await connectionWith(grant.token)
      expect(livekit.rtcConnections.indexOf(connection)).toBeGreaterThanOrEqual(before)
      expect(connection.path.startsWith("/rtc")).toBe(true)
      expect(connection.grants?.video).toMatchObject({ room: roomName, roomJoin: true, canPublish: true })
      sellerIdentity = connection.grants!.sub!
      expect(sellerIdentity).toMatch(/^seller:/)
      // No SFU answers the join: the console says it could not go on air, and the preview stays.
      await waitForText(adminPage, '[data-testid="camera-error"]', "Going on air", 60_000)
      await waitForText(adminPage, '[data-testid="camera-state"]', "Preview: only you see it")
    })

    it("should upload a thumbnail from the console straight to S3, refuse a wrong file, and show it to viewers", async () => {
      const panel = adminPage.locator('[data-testid="show-media"]')
      await panel.getByRole("heading", { name: "Media" }).waitFor({ timeout: 30_000 })
      const input = panel.locator('[data-testid="media-thumbnail"] input[type="file"]')
      // A page pretending to be an image: refused with its code, nothing set.
      await input.setInputFiles({ name: "not-an-image.html", mimeType: "text/html", buffer: Buffer.from("<script>alert(1)</script>") })
      await waitForText(adminPage, '[data-testid="media-error"]', "media_type_not_allowed")
      expect(await panel.locator('[data-testid="media-thumbnail"] img').count()).toBe(0)

      await input.setInputFiles({ name: "card.png", mimeType: "image/png", buffer: TINY_PNG })
      const img = panel.locator('[data-testid="media-thumbnail"] img')
      await img.waitFor({ timeout: 30_000 })
      const src = (await img.getAttribute("src"))!
      expect(src.startsWith(`${s3Url}/${BUCKET}/shows/${showId}/thumbnail/media_`)).toBe(true)
      // The bytes went to S3 from the browser, and S3 serves them at the show's thumbnail URL.
      const key = decodeURIComponent(new URL(src).pathname.slice(`/${BUCKET}/`.length))
      expect(await s3.get(key)).toEqual({ body: TINY_PNG, contentType: "image/png" })
      await screenshot(adminPage, "console-media")

      const context = await browser.newContext({ viewport: { width: 420, height: 900 } })
      const page = await context.newPage()
      await page.goto(viewerUrl, { waitUntil: "domcontentloaded", timeout: 60_000 })
      const card = page.getByRole("link", { name: SHOW_LINK })
      await card.waitFor({ timeout: 30_000 })
      expect(await card.locator("img").getAttribute("src")).toBe(src)
      await context.close()
    })

    it("should ask for a viewer token and point livekit-client at the configured LiveKit URL with it", async () => {
      const context = await browser.newContext({ viewport: { width: 420, height: 900 } })
      viewer = await context.newPage()
      const requested: string[] = []
      viewer.on("request", (r) => requested.push(r.url()))

      // The home page lists the live show without loading the LiveKit player.
      await viewer.goto(viewerUrl, { waitUntil: "domcontentloaded", timeout: 60_000 })
      await viewer.getByRole("link", { name: SHOW_LINK }).waitFor({ timeout: 30_000 })
      expect(requested.filter((u) => u.includes("LiveKitPlayer"))).toEqual([])

      const answer = viewer.waitForResponse((r) => r.url().endsWith(`/store/shows/${showId}/viewer-token`) && r.request().method() === "POST")
      await viewer.getByRole("link", { name: SHOW_LINK }).click()
      const res = await answer
      expect(res.status()).toBe(200)
      const grant = (await res.json()) as Json
      expect(grant).toMatchObject({ url: livekitUrl, room: roomName, identity: expect.stringMatching(/^viewer:/) })
      expect(requested.some((u) => u.includes("LiveKitPlayer"))).toBe(true)

      // The browser opened LiveKit's signalling WebSocket at the configured URL with that token:
      // subscribe only, this show's room only.
      const connection: RtcConnection = await connectionWith(grant.token)
      expect(connection.path.startsWith("/rtc")).toBe(true)
      expect(connection.grants?.sub).toBe(grant.identity)
      expect(connection.grants?.video).toMatchObject({ room: roomName, roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: false })
      await viewer.locator('[data-testid="livekit-player"]').waitFor()
      await screenshot(viewer, "viewer-livekit-player")
    })

    it("should tell viewers (and the console) when the seller's video drops: reconnecting, then lost", async () => {
      await webhook(livekit.webhook("participant_joined", { room: roomName, identity: sellerIdentity }))
      await waitForText(adminPage, '[data-testid="publisher-status"]', "on air")

      await webhook(livekit.webhook("participant_left", { room: roomName, identity: sellerIdentity }))
      await waitForText(viewer, '[data-testid="video-status"]', "Seller reconnecting…", 10_000)
      await waitForText(adminPage, '[data-testid="publisher-status"]', "reconnecting")
      await screenshot(viewer, "viewer-seller-reconnecting")
      const dropped = Date.now()
      await waitForText(viewer, '[data-testid="video-status"]', "Stream lost", (GRACE_SECONDS + 20) * 1000)
      expect(Date.now() - dropped).toBeGreaterThanOrEqual(GRACE_SECONDS * 1000 - 1000)
      await waitForText(adminPage, '[data-testid="publisher-status"]', "stream lost")
      await screenshot(viewer, "viewer-stream-lost")
      await screenshot(adminPage, "console-stream-lost")

      // Back within the show: the line goes.
      await webhook(livekit.webhook("participant_joined", { room: roomName, identity: sellerIdentity }))
      await viewer.waitForFunction(
        () => !/Seller reconnecting|Stream lost/.test(document.querySelector('[data-testid="video-status"]')?.textContent ?? ""),
        null,
        { timeout: 10_000 }
      )
    })

    it("should replay the ended show's recording, on the open page and after a reload", async () => {
      const egress = [...livekit.egresses.values()].find((e) => e.roomName === roomName)
      expect(egress).toBeTruthy()
      await call("POST", `/admin/shows/${showId}/end`, {}, admin)
      await waitForText(viewer, '[data-testid="video-placeholder"]', "no replay is available", 15_000)

      const filename = `recordings/${showId}/2026-12-01T200000.mp4`
      await webhook(livekit.webhook("egress_ended", { egress: { id: egress!.egressId, room: roomName, filename, location: `s3://${BUCKET}/${filename}` } }))
      const recording = `${s3Url}/${BUCKET}/${filename}`
      const src = () => viewer.locator('video[data-testid="video"]').getAttribute("src")
      await viewer.waitForFunction((url) => document.querySelector<HTMLVideoElement>('video[data-testid="video"]')?.getAttribute("src") === url, recording, {
        timeout: 15_000,
      })
      await viewer.reload({ waitUntil: "domcontentloaded" })
      await viewer.locator('video[data-testid="video"]').waitFor({ timeout: 30_000 })
      expect(await src()).toBe(recording)
      await viewer.getByText("Replay of the show").waitFor()
      // Not logged in, on an ended show: the chat says it is closed (logging in would not open it).
      await viewer.locator('[data-testid="chat-login"][data-code="chat_show_ended"]', { hasText: "The show has ended: chat is closed." }).waitFor()
      await screenshot(viewer, "viewer-replay")

      // The home page lists it under Replays.
      await viewer.goto(viewerUrl, { waitUntil: "domcontentloaded" })
      await viewer.getByRole("heading", { name: "Replays" }).waitFor({ timeout: 30_000 })
      await viewer.getByRole("link", { name: SHOW_LINK }).waitFor()
      // And the console shows the recording.
      await waitForText(adminPage, '[data-testid="recording"]', "ready", 30_000)
    })
  })
}
