import { randomBytes } from "node:crypto"
import http from "node:http"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { EgressStatus } from "livekit-server-sdk"
import { adminHeaders, createBuyers, createSeller, type Buyer, type Seller } from "../helpers/actors"
import { createShow } from "../helpers/auctions"
import { startAppSidecar, type AppSidecar } from "../helpers/app-sidecar"
import { attempt } from "../helpers/checkout"
import { FakeLiveKit } from "../helpers/fake-livekit"
import { next, viewer, type Viewer } from "../helpers/viewers"
import { waitFor } from "../helpers/wait"

jest.setTimeout(120_000)

/*
 * Issue #15, LiveKit: the plugin against a local server speaking LiveKit's Twirp API (no SFU runs
 * here), which checks every call's token against the API key and secret, as LiveKit does. The
 * app's LiveKit URL, keys, a 2-second publisher grace and an S3 bucket for recordings are set
 * before Medusa boots.
 */
const GRACE_SECONDS = 2
const S3_PUBLIC = "https://media.example.com/live"
const { livekit, port } = FakeLiveKit.forApp({
  LIVEKIT_PUBLISHER_GRACE_SECONDS: String(GRACE_SECONDS),
  S3_BUCKET: "live-media",
  S3_REGION: "us-east-1",
  S3_ENDPOINT: "http://127.0.0.1:1",
  S3_ACCESS_KEY_ID: "test-access-key",
  S3_SECRET_ACCESS_KEY: "test-secret-key",
  S3_FILE_URL: S3_PUBLIC,
})

type Res = { status: number; data: any }

/** Opens a WebSocket handshake as livekit-client does (`<url>/rtc?access_token=…`); answers the status. */
function rtcHandshake(url: string, token: string): Promise<number> {
  const target = new URL(`/rtc?access_token=${encodeURIComponent(token)}&protocol=15`, url.replace(/^ws/, "http"))
  return new Promise((resolve, reject) => {
    const req = http.request(target, {
      headers: { Connection: "Upgrade", Upgrade: "websocket", "Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": randomBytes(16).toString("base64") },
    })
    req.on("upgrade", (res, socket) => {
      socket.destroy()
      resolve(res.statusCode ?? 0)
    })
    req.on("response", (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on("error", reject)
    req.end()
  })
}

const claims = (token: string) => JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString())

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let staff: Record<string, string>
    let seller: Seller
    let rival: Seller
    let buyer: Buyer
    let store: Record<string, string>

    beforeAll(async () => {
      await livekit.listen(port)
    })
    afterAll(async () => {
      await livekit.close()
    })

    beforeEach(async () => {
      staff = await adminHeaders(getContainer(), api)
      seller = await createSeller(getContainer(), api, staff)
      rival = await createSeller(getContainer(), api, staff)
      ;[buyer] = await createBuyers(getContainer(), 1)
      store = { "x-publishable-api-key": buyer.headers["x-publishable-api-key"] }
    })

    afterEach(() => {
      // Every call the plugin made carried a token LiveKit would accept, with the grant it needs.
      expect(livekit.calls.filter((c) => !c.authorized)).toEqual([])
    })

    const post = (url: string, body: unknown = {}, headers = seller.headers): Promise<Res> => attempt(api.post(url, body, { headers }))
    const get = (url: string, headers: Record<string, string>): Promise<Res> => attempt(api.get(url, { headers }))
    const adminShow = async (id: string) => (await api.get(`/admin/shows/${id}`, { headers: staff })).data.show
    const storeShow = async (id: string) => (await api.get(`/store/shows/${id}`, { headers: store })).data.show
    const liveShow = async () => {
      const id = await createShow(api, seller.headers)
      expect((await post(`/admin/shows/${id}/go-live`)).status).toBe(200)
      return id
    }
    /** Posts a webhook as LiveKit does: `application/webhook+json`, the body signed in `Authorization`. */
    const hook = async (body: string, authorization?: string, contentType = "application/webhook+json"): Promise<Res> =>
      attempt(
        api.post("/hooks/livekit", body, {
          headers: { "content-type": contentType, authorization: authorization ?? (await livekit.signWebhook(body)) },
          transformRequest: [(data: unknown) => data],
        })
      )

    describe("GET /store/live/config", () => {
      it("should say video is LiveKit and where clients connect, with no secret", async () => {
        const { data } = await api.get("/store/live/config", { headers: store })
        expect(data.config.features.video).toBe("livekit")
        expect(data.config.video).toEqual({ livekit_url: `ws://127.0.0.1:${port}` })
        expect(JSON.stringify(data)).not.toContain(livekit.apiSecret)
      })
    })

    describe("going live", () => {
      it("should make the show's room and start recording it to S3, each call with the grant it needs", async () => {
        const id = await createShow(api, seller.headers)
        expect((await storeShow(id)).video).toEqual({ mode: "none", publisher_status: "offline", recording_url: null, preview_url: null })
        const before = livekit.calls.length

        const res = await post(`/admin/shows/${id}/go-live`)
        expect(res.status).toBe(200)
        expect(res.data.show).toMatchObject({ status: "live", room_name: id, recording_status: "recording", publisher_status: "offline", recording_url: null })
        expect(res.data.warnings).toBeUndefined()

        const calls = livekit.calls.slice(before)
        expect(calls.map((c) => `${c.service}/${c.method}`)).toEqual(["RoomService/CreateRoom", "Egress/StartRoomCompositeEgress"])
        expect(calls[0].grants?.video).toMatchObject({ roomCreate: true })
        expect(calls[0].body).toMatchObject({ name: id })
        expect(calls[1].grants?.video).toMatchObject({ roomRecord: true })
        expect(calls[1].body).toMatchObject({
          roomName: id,
          fileOutputs: [
            {
              filepath: `recordings/${id}/{time}.mp4`,
              s3: { bucket: "live-media", region: "us-east-1", accessKey: "test-access-key", secret: "test-secret-key", forcePathStyle: true },
            },
          ],
        })
        expect(livekit.rooms.has(id)).toBe(true)
        // Viewers watch it through LiveKit; the room name and the egress are not theirs to see.
        const shown = await storeShow(id)
        expect(shown.video).toMatchObject({ mode: "livekit", publisher_status: "offline" })
        expect(shown).not.toHaveProperty("room_name")
        expect(JSON.stringify(shown)).not.toMatch(/EG_|egress/)
      })

      it("should fail cleanly while LiveKit is away, leaving the show scheduled, and go live once it is back", async () => {
        const id = await createShow(api, seller.headers)
        await livekit.close()
        try {
          const res = await post(`/admin/shows/${id}/go-live`)
          expect(res.status).toBe(503)
          expect(res.data.code).toBe("video_unavailable")
        } finally {
          await livekit.listen(port)
        }
        expect(await adminShow(id)).toMatchObject({ status: "scheduled", started_at: null, room_name: null, recording_status: "none" })
        expect((await storeShow(id)).video.mode).toBe("none")

        // LiveKit refusing the room (a 500 from it) is the same: nothing half-written.
        livekit.failNext("RoomService/CreateRoom")
        expect((await post(`/admin/shows/${id}/go-live`)).status).toBe(503)
        expect((await adminShow(id)).status).toBe("scheduled")

        expect((await post(`/admin/shows/${id}/go-live`)).status).toBe(200)
        expect(await adminShow(id)).toMatchObject({ status: "live", room_name: id })
      })

      it("should go live without its recording when the egress fails, saying so", async () => {
        const id = await createShow(api, seller.headers)
        livekit.failNext("Egress/StartRoomCompositeEgress")
        const res = await post(`/admin/shows/${id}/go-live`)
        expect(res.status).toBe(200)
        expect(res.data.show).toMatchObject({ status: "live", recording_status: "failed", recording_url: null })
        expect(res.data.warnings).toEqual([expect.stringMatching(/^Recording did not start/)])
        expect(livekit.rooms.has(id)).toBe(true)
      })

      it("should close the room and stop the ingress and the recording when the show ends", async () => {
        const id = await liveShow()
        const { data } = await post(`/admin/shows/${id}/ingress`, { type: "rtmp" })
        const egressId = livekit.callsOf("Egress/StartRoomCompositeEgress").at(-1)!
        const before = livekit.calls.length

        expect((await post(`/admin/shows/${id}/end`)).status).toBe(200)
        const calls = livekit.calls.slice(before)
        expect(calls.map((c) => `${c.service}/${c.method}`)).toEqual(["Egress/StopEgress", "Ingress/DeleteIngress", "RoomService/DeleteRoom"])
        expect(calls.map((c) => c.status)).toEqual([200, 200, 200])
        expect(calls[1].body).toEqual({ ingressId: data.ingress.id })
        expect(livekit.rooms.has(id)).toBe(false)
        expect(livekit.ingresses.has(data.ingress.id)).toBe(false)
        expect(egressId.authorized).toBe(true)
        expect((await get(`/admin/shows/${id}/ingress`, seller.headers)).data.ingress).toBeNull()
      })
    })

    describe("POST /store/shows/:id/viewer-token", () => {
      it("should give anyone a short-lived, subscribe-only token for the live show's room only", async () => {
        const id = await liveShow()
        const other = await liveShow()
        const before = Date.now()
        const res = await post(`/store/shows/${id}/viewer-token`, {}, store)
        expect(res.status).toBe(200)
        expect(res.data).toEqual({
          token: expect.any(String),
          url: `ws://127.0.0.1:${port}`,
          room: id,
          identity: expect.stringMatching(/^viewer:[0-9a-f-]{36}$/),
          expires_at: expect.any(String),
        })
        // LiveKit accepts it (signed with the secret, issued by the key) …
        const grants = await livekit.verify(res.data.token)
        expect(grants).not.toBeNull()
        expect(grants!.sub).toBe(res.data.identity)
        // … to join this room and watch, never to publish anything.
        expect(grants!.video).toEqual({ roomJoin: true, room: id, canSubscribe: true, canPublish: false, canPublishData: false })
        expect(grants!.video?.room).not.toBe(other)
        // Short-lived: the default 600 s, and said so.
        const { exp, nbf } = claims(res.data.token)
        expect(exp - nbf).toBe(600)
        expect(exp * 1000).toBeLessThanOrEqual(before + 601_000)
        expect(Date.parse(res.data.expires_at)).toBe(exp * 1000)

        // Two anonymous viewers are two identities.
        const again = await post(`/store/shows/${id}/viewer-token`, {}, store)
        expect(again.data.identity).not.toBe(res.data.identity)

        // The URL it names is where a client (livekit-client) opens its signalling WebSocket with it.
        expect(await rtcHandshake(res.data.url, res.data.token)).toBe(101)
        expect(livekit.rtcConnections.at(-1)).toMatchObject({ path: "/rtc", token: res.data.token, grants: { video: { canPublish: false, room: id } } })
        expect(await rtcHandshake(res.data.url, "not-a-token")).toBe(401)
      })

      it("should name a logged-in customer, and refuse shows that are not live or do not exist", async () => {
        const id = await liveShow()
        const res = await post(`/store/shows/${id}/viewer-token`, {}, buyer.headers)
        expect(res.data.identity).toBe(`customer:${buyer.id}`)
        expect((await livekit.verify(res.data.token))!.video?.canPublish).toBe(false)

        const scheduled = await createShow(api, seller.headers)
        const notLive = await post(`/store/shows/${scheduled}/viewer-token`, {}, store)
        expect(notLive.status).toBe(400)
        expect(notLive.data.code).toBe("show_not_live")
        expect((await post(`/admin/shows/${id}/end`)).status).toBe(200)
        expect((await post(`/store/shows/${id}/viewer-token`, {}, store)).data.code).toBe("show_not_live")
        expect((await post(`/store/shows/show_missing/viewer-token`, {}, store)).status).toBe(404)
        expect((await post(`/store/shows/${scheduled}/viewer-token`, {})).status).toBe(400) // no publishable key
      })
    })

    describe("POST /admin/shows/:id/publisher-token", () => {
      it("should give the show's seller (and staff) a publishing token for its room, never another seller or a viewer", async () => {
        const id = await createShow(api, seller.headers)
        const res = await post(`/admin/shows/${id}/publisher-token`)
        expect(res.status).toBe(200)
        expect(res.data).toMatchObject({ room: id, identity: `seller:${seller.user_id}`, url: `ws://127.0.0.1:${port}` })
        const grants = await livekit.verify(res.data.token)
        expect(grants!.sub).toBe(`seller:${seller.user_id}`)
        expect(grants!.video).toMatchObject({ roomJoin: true, room: id, canPublish: true, canSubscribe: true })

        expect((await post(`/admin/shows/${id}/publisher-token`, {}, staff)).status).toBe(200)
        const theirs = await post(`/admin/shows/${id}/publisher-token`, {}, rival.headers)
        expect(theirs.status).toBe(404)
        expect(theirs.data).not.toHaveProperty("token")
        // A viewer, logged in or not, never gets one (the store has no such route; the admin one wants an admin).
        expect((await post(`/admin/shows/${id}/publisher-token`, {}, { ...store, authorization: buyer.headers.authorization })).status).toBe(401)
        expect((await post(`/admin/shows/${id}/publisher-token`, {}, store)).status).toBe(401)
        expect((await post(`/store/shows/${id}/publisher-token`, {}, buyer.headers)).status).toBe(404)

        expect((await post(`/admin/shows/${id}/cancel`)).status).toBe(200)
        const closed = await post(`/admin/shows/${id}/publisher-token`)
        expect(closed.status).toBe(400)
        expect(closed.data.code).toBe("show_closed")
      })
    })

    describe("/admin/shows/:id/ingress", () => {
      it("should make one OBS ingress per show, the same type again answering it and another replacing it", async () => {
        const id = await createShow(api, seller.headers)
        expect((await get(`/admin/shows/${id}/ingress`, seller.headers)).data).toEqual({ ingress: null })

        const rtmp = await post(`/admin/shows/${id}/ingress`, { type: "rtmp" })
        expect(rtmp.status).toBe(200)
        expect(rtmp.data.ingress).toEqual({ id: expect.stringMatching(/^IN_/), type: "rtmp", url: expect.stringMatching(/^rtmp:\/\//), stream_key: expect.any(String) })
        const [made] = livekit.callsOf("Ingress/CreateIngress").slice(-1)
        expect(made.grants?.video).toMatchObject({ ingressAdmin: true })
        expect(made.body).toMatchObject({ roomName: id, participantIdentity: `ingress:${id}` })
        expect(made.body).not.toHaveProperty("inputType") // RTMP_INPUT is protobuf's zero value: omitted in JSON

        const calls = livekit.callsOf("Ingress/CreateIngress").length
        expect((await post(`/admin/shows/${id}/ingress`, { type: "rtmp" })).data.ingress).toEqual(rtmp.data.ingress)
        expect(livekit.callsOf("Ingress/CreateIngress")).toHaveLength(calls)
        expect((await get(`/admin/shows/${id}/ingress`, staff)).data.ingress).toEqual(rtmp.data.ingress)

        const whip = await post(`/admin/shows/${id}/ingress`, { type: "whip" })
        expect(whip.data.ingress).toMatchObject({ type: "whip", url: expect.stringMatching(/^http:\/\//) })
        expect(livekit.callsOf("Ingress/CreateIngress").at(-1)!.body).toMatchObject({ inputType: "WHIP_INPUT" })
        expect(livekit.callsOf("Ingress/DeleteIngress").at(-1)!.body).toEqual({ ingressId: rtmp.data.ingress.id })
        expect([...livekit.ingresses.keys()].filter((k) => k === rtmp.data.ingress.id)).toEqual([])

        // The stream key is a secret: not in the show (admin or store), and not another seller's.
        expect(JSON.stringify(await adminShow(id))).not.toContain(whip.data.ingress.stream_key)
        expect(JSON.stringify(await storeShow(id))).not.toContain(whip.data.ingress.stream_key)
        expect((await get(`/admin/shows/${id}/ingress`, rival.headers)).status).toBe(404)
        expect((await post(`/admin/shows/${id}/ingress`, { type: "rtmp" }, rival.headers)).status).toBe(404)
        expect((await post(`/admin/shows/${id}/ingress`, { type: "srt" })).status).toBe(400)
        expect((await get(`/admin/shows/${id}/ingress`, seller.headers)).data.ingress.type).toBe("whip")
      })
    })

    describe("POST /hooks/livekit", () => {
      it("should follow the seller's video from signed webhooks, and apply a repeated one once", async () => {
        const id = await liveShow()
        const joined = livekit.webhook("participant_joined", { room: id, identity: `seller:${seller.user_id}` })
        const res = await hook(joined)
        expect(res.status).toBe(200)
        expect(res.data).toMatchObject({ ok: true })
        expect((await adminShow(id)).publisher_status).toBe("connected")
        expect((await storeShow(id)).video.publisher_status).toBe("connected")

        // A viewer coming and going is not the seller.
        await hook(livekit.webhook("participant_left", { room: id, identity: `viewer:someone` }))
        expect((await adminShow(id)).publisher_status).toBe("connected")

        const left = livekit.webhook("participant_left", { room: id, identity: `seller:${seller.user_id}` })
        await hook(left)
        expect((await adminShow(id)).publisher_status).toBe("reconnecting")
        await hook(livekit.webhook("participant_joined", { room: id, identity: `seller:${seller.user_id}` }))
        expect((await adminShow(id)).publisher_status).toBe("connected")

        // LiveKit retrying the "left" it already delivered changes nothing: the seller is back.
        const repeat = await hook(left)
        expect(repeat.status).toBe(200)
        expect(repeat.data).toMatchObject({ ok: true, duplicate: true })
        expect((await adminShow(id)).publisher_status).toBe("connected")
        expect((await hook(joined)).data.duplicate).toBe(true)

        // An OBS ingress publishing counts as the seller (participant kind INGRESS).
        await hook(livekit.webhook("participant_left", { room: id, identity: `ingress:${id}`, kind: 1 }))
        expect((await adminShow(id)).publisher_status).toBe("reconnecting")
        // Medusa's JSON body parser path (a proxy that sends application/json) verifies the same raw body.
        await hook(livekit.webhook("participant_joined", { room: id, identity: "obs-encoder", kind: 1 }), undefined, "application/json")
        expect((await adminShow(id)).publisher_status).toBe("connected")
      })

      it("should refuse a wrong signature or a tampered body with a 400, changing nothing", async () => {
        const id = await liveShow()
        const body = livekit.webhook("participant_joined", { room: id, identity: `seller:${seller.user_id}` })
        const forged = await hook(body, await livekit.signWebhook(body, "another-secret-of-some-length"))
        expect(forged.status).toBe(400)
        expect(forged.data.code).toBe("invalid_signature")

        const tampered = body.replace(`seller:${seller.user_id}`, `seller:${rival.user_id}`)
        const altered = await hook(tampered, await livekit.signWebhook(body))
        expect(altered.status).toBe(400)
        expect(altered.data.code).toBe("invalid_signature")
        expect((await hook(body, "")).status).toBe(400)
        expect((await hook(body, "Bearer nonsense")).status).toBe(400)
        expect((await adminShow(id)).publisher_status).toBe("offline")

        // The refused event id was not recorded: the real delivery is applied.
        expect((await hook(body)).data).toMatchObject({ ok: true, duplicate: false })
        expect((await adminShow(id)).publisher_status).toBe("connected")
      })

      it("should set the recording URL when the egress ends, end to end, and say so when it failed", async () => {
        const id = await liveShow()
        const [start] = livekit.callsOf("Egress/StartRoomCompositeEgress").slice(-1)
        const egressId = [...livekit.egresses.values()].find((e) => e.roomName === id)!.egressId
        expect(start.status).toBe(200)
        expect((await post(`/admin/shows/${id}/end`)).status).toBe(200)
        expect((await adminShow(id)).recording_status).toBe("recording") // until LiveKit says the file is written

        const filename = `recordings/${id}/2026-12-01T200000.mp4`
        const ended = livekit.webhook("egress_ended", {
          egress: { id: egressId, room: id, filename, location: `http://127.0.0.1:1/live-media/${filename}` },
        })
        expect((await hook(ended)).status).toBe(200)
        const url = `${S3_PUBLIC}/${filename}`
        expect(await adminShow(id)).toMatchObject({ recording_status: "ready", recording_url: url })
        expect((await storeShow(id)).video).toMatchObject({ mode: "livekit", recording_url: url })
        // Another egress_ended for it (a new event id) finds it no longer recording: nothing changes.
        await hook(livekit.webhook("egress_ended", { egress: { id: egressId, room: id, status: EgressStatus.EGRESS_FAILED } }))
        expect((await adminShow(id)).recording_url).toBe(url)

        const failedShow = await liveShow()
        const failedEgress = [...livekit.egresses.values()].find((e) => e.roomName === failedShow)!.egressId
        await hook(livekit.webhook("egress_ended", { egress: { id: failedEgress, room: failedShow, status: EgressStatus.EGRESS_FAILED } }))
        expect(await adminShow(failedShow)).toMatchObject({ recording_status: "failed", recording_url: null })
      })
    })

    describe("the publisher dropping", () => {
      let sidecar: AppSidecar | null = null
      const sockets: Viewer[] = []
      afterEach(async () => {
        sockets.splice(0).forEach((s) => s.disconnect())
        await sidecar?.close()
        sidecar = null
      })

      it("should be reconnecting, then lost after the grace period, and viewers told each on show:status", async () => {
        const jwtSecret = getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.jwtSecret as string
        sidecar = await startAppSidecar(dbConfig.clientUrl, jwtSecret)

        const id = await liveShow()
        const fan = await viewer(sidecar.url)
        sockets.push(fan)
        await fan.emitWithAck("room:join", { room: `show:${id}` })
        const statuses: string[] = []
        fan.on("show:status", (e) => statuses.push(e.publisher_status))

        const connected = next(fan, "show:status", 10_000)
        await hook(livekit.webhook("participant_joined", { room: id, identity: `seller:${seller.user_id}` }))
        expect(await connected).toMatchObject({ show_id: id, status: "live", publisher_status: "connected", recording_url: null })

        const dropped = next(fan, "show:status", 10_000)
        await hook(livekit.webhook("participant_left", { room: id, identity: `seller:${seller.user_id}` }))
        const reconnecting = await dropped
        expect(reconnecting).toMatchObject({ show_id: id, publisher_status: "reconnecting" })
        const droppedAt = Date.now()

        const gone = await next(fan, "show:status", 15_000)
        expect(gone).toMatchObject({ show_id: id, status: "live", publisher_status: "lost" })
        expect(Date.now() - droppedAt).toBeGreaterThanOrEqual(GRACE_SECONDS * 1000 - 1000)
        expect((await storeShow(id)).video.publisher_status).toBe("lost")

        // Coming back after it: connected again, and told.
        const back = next(fan, "show:status", 10_000)
        await hook(livekit.webhook("participant_joined", { room: id, identity: `seller:${seller.user_id}` }))
        expect((await back).publisher_status).toBe("connected")
        await waitFor("no further change", async () => statuses.length === 4)
        expect(statuses).toEqual(["connected", "reconnecting", "lost", "connected"])
      })

      it("should not call a seller lost who came back within the grace period", async () => {
        const id = await liveShow()
        await hook(livekit.webhook("participant_joined", { room: id, identity: `seller:${seller.user_id}` }))
        await hook(livekit.webhook("participant_left", { room: id, identity: `seller:${seller.user_id}` }))
        await hook(livekit.webhook("participant_joined", { room: id, identity: `seller:${seller.user_id}` }))
        await new Promise((r) => setTimeout(r, (GRACE_SECONDS + 1.5) * 1000))
        expect((await adminShow(id)).publisher_status).toBe("connected")
      })
    })
  },
})
