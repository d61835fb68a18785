import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { adminHeaders, createBuyers, type Buyer } from "../../helpers/actors"
import { adminLot as fetchAdminLot, bid, createLot, createShow } from "../../helpers/auctions"
import { attempt } from "../../helpers/checkout"

type Res = { status: number; data: any }

export function showsSuite({ api, getContainer }: MedusaSuiteOptions): void {
  let admin: Record<string, string>
  let store: Record<string, string>
  let buyers: Buyer[]

  beforeEach(async () => {
    admin = await adminHeaders(getContainer(), api)
    buyers = await createBuyers(getContainer(), 1)
    store = { "x-publishable-api-key": buyers[0].headers["x-publishable-api-key"] }
  })

  const post = (url: string, body: unknown = {}) => attempt(api.post(url, body, { headers: admin }))
  const adminShow = async (id: string) => (await api.get(`/admin/shows/${id}`, { headers: admin })).data.show
  const userId = async (headers: Record<string, string>) => (await api.get("/admin/users/me", { headers })).data.user.id
  const adminLot = (id: string) => fetchAdminLot(api, admin, id)
  const waitForStatus = async (id: string, status: string, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs
    while ((await adminLot(id)).status !== status) {
      if (Date.now() > deadline) {
        throw new Error(`lot ${id} not ${status} within ${timeoutMs} ms`)
      }
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  const showCount = async () => (await api.get("/admin/shows?limit=1", { headers: admin })).data.count

  describe("POST /admin/shows", () => {
    it("should schedule a show run by the calling admin, or by the admin user it names", async () => {
      const at = new Date(Date.now() + 3600_000).toISOString()
      const res = await post("/admin/shows", { title: "Pokémon breaks", scheduled_at: at, playback_url: "https://video.example.com/x.m3u8" })
      expect(res.status).toBe(200)
      expect(res.data.show).toMatchObject({
        id: expect.stringMatching(/^show_/),
        title: "Pokémon breaks",
        status: "scheduled",
        seller_id: await userId(admin),
        scheduled_at: at,
        started_at: null,
        playback_url: "https://video.example.com/x.m3u8",
      })

      const other = await adminHeaders(getContainer(), api)
      const forOther = await post("/admin/shows", { title: "Guest show", seller_id: await userId(other) })
      expect(forOther.data.show.seller_id).toBe(await userId(other))
      const { data } = await api.get(`/admin/shows?seller_id=${await userId(other)}`, { headers: admin })
      expect(data.shows.map((s: any) => s.id)).toEqual([forOther.data.show.id])
    })

    it("should refuse an unknown seller and bad input, creating nothing", async () => {
      const before = await showCount()
      const unknown = await post("/admin/shows", { title: "x", seller_id: "user_nobody" })
      expect(unknown.status).toBe(400)
      expect(unknown.data.code).toBe("seller_not_found")
      for (const body of [{}, { title: "  " }, { title: "x", playback_url: "javascript:alert(1)" }, { title: "x", colour: "red" }, { title: "x", scheduled_at: "soon" }]) {
        const res = await post("/admin/shows", body)
        expect(res.status).toBe(400)
      }
      expect(await showCount()).toBe(before)
    })
  })

  describe("show lifecycle", () => {
    it("should go live once when three admins press it at once, and refuse the others with a code", async () => {
      const id = await createShow(api, admin)
      const results = await Promise.all([1, 2, 3].map(() => post(`/admin/shows/${id}/go-live`)))
      expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400])
      expect(results.filter((r) => r.status === 400).map((r) => r.data.code)).toEqual(["invalid_transition", "invalid_transition"])
      const show = await adminShow(id)
      expect(show.status).toBe("live")
      expect(new Date(show.started_at).getTime()).toBeGreaterThan(Date.now() - 60_000)
      expect((await post(`/admin/shows/${id}/cancel`)).data.code).toBe("invalid_transition")
      expect((await post(`/admin/shows/show_missing/go-live`)).status).toBe(404)
      expect((await post(`/admin/shows/${id}/go-live`, { now: true })).status).toBe(400)
    })

    it("should not end while a lot takes bids; once it is over, the show is closed to edits and new lots", async () => {
      const id = await createShow(api, admin, {}, { live: true })
      const lot = await createLot(api, admin, { show_id: id })
      const refused = await post(`/admin/shows/${id}/end`)
      expect(refused.status).toBe(400)
      expect(refused.data.code).toBe("show_has_live_lots")
      expect((await adminShow(id)).status).toBe("live")

      await post(`/admin/auctions/${lot}/cancel`)
      const ended = await post(`/admin/shows/${id}/end`)
      expect(ended.status).toBe(200)
      expect(ended.data.show).toMatchObject({ status: "ended", ended_at: expect.any(String) })

      const edit = await post(`/admin/shows/${id}`, { title: "Renamed" })
      expect(edit.status).toBe(400)
      expect(edit.data.code).toBe("show_closed")
      const lots = (await api.get(`/admin/auctions?show_id=${id}`, { headers: admin })).data.count
      const late = await post("/admin/auctions", { title: "Late lot", currency_code: "usd", starting_price: 5, show_id: id })
      expect(late.status).toBe(400)
      expect(late.data.code).toBe("show_closed")
      const nowhere = await post("/admin/auctions", { title: "Lost lot", currency_code: "usd", starting_price: 5, show_id: "show_missing" })
      expect(nowhere.status).toBe(400)
      expect(nowhere.data.code).toBe("show_not_found")
      expect((await api.get(`/admin/auctions?show_id=${id}`, { headers: admin })).data.count).toBe(lots)
      expect((await adminShow(id)).title).toBe("Friday breaks")
    })

    it("should cancel the lots still lined up when a show ends, and start none in it afterwards", async () => {
      const id = await createShow(api, admin, {}, { live: true })
      const soon = new Date(Date.now() + 3600_000).toISOString()
      const lined = await createLot(api, admin, { show_id: id, scheduled_at: soon }, { start: false })
      const draft = await createLot(api, admin, { show_id: id }, { start: false })
      const sold = await createLot(api, admin, { show_id: id, duration_seconds: 5, soft_close_seconds: 0 })
      expect((await bid(api, sold, buyers[0].headers, { amount: 5 })).status).toBe(200)
      await waitForStatus(sold, "sold")

      const ended = await post(`/admin/shows/${id}/end`)
      expect(ended.status).toBe(200)
      expect(ended.data.cancelled_lots).toEqual([lined])
      expect((await adminLot(lined)).status).toBe("cancelled")
      expect((await adminLot(draft)).status).toBe("draft")
      expect((await adminLot(sold)).status).toBe("sold")

      // Nothing runs in a show that is over: not the draft, not a re-run of the cancelled lot.
      for (const [url, body] of [
        [`/admin/auctions/${draft}/start`, {}],
        [`/admin/auctions/${lined}/rerun`, {}],
        [`/admin/auctions/${draft}`, { scheduled_at: soon }],
      ] as const) {
        const refused = await post(url, body)
        expect(refused.status).toBe(400)
        expect(refused.data.code).toBe("show_closed")
      }
      expect((await adminLot(draft)).status).toBe("draft")
      expect((await adminLot(lined)).status).toBe("cancelled")
      // The draft can leave the show, and then run on its own; cancelling is always allowed.
      const moved = await post(`/admin/auctions/${draft}`, { show_id: null })
      expect(moved.status).toBe(200)
      expect(moved.data.auction.show_id).toBeNull()
      expect((await post(`/admin/auctions/${draft}/start`)).status).toBe(200)
      expect((await post(`/admin/auctions/${draft}/cancel`)).status).toBe(200)
    })

    it("should let a lot start or a show end, never both, when they race", async () => {
      for (let round = 0; round < 3; round++) {
        const id = await createShow(api, admin, {}, { live: true })
        const lot = await createLot(api, admin, { show_id: id }, { start: false })
        const [start, end] = await Promise.all([post(`/admin/auctions/${lot}/start`), post(`/admin/shows/${id}/end`)])
        const show = await adminShow(id)
        const state = (await adminLot(lot)).status
        if (start.status === 200) {
          // The lot started first: the show stays on air around it.
          expect(end.data.code).toBe("show_has_live_lots")
          expect([show.status, state]).toEqual(["live", "live"])
          await post(`/admin/auctions/${lot}/cancel`)
        } else {
          expect(start.data.code).toBe("show_closed")
          expect(end.status).toBe(200)
          expect([show.status, state]).toEqual(["ended", "draft"])
        }
      }
    })

    it("should move a lot only into a show that is open, and link lots to shows and shows to their seller (user) in Query", async () => {
      const open = await createShow(api, admin)
      const closed = await createShow(api, admin)
      await post(`/admin/shows/${closed}/cancel`)
      const lot = await createLot(api, admin, {}, { start: false })
      expect((await post(`/admin/auctions/${lot}`, { show_id: closed })).data.code).toBe("show_closed")
      expect((await post(`/admin/auctions/${lot}`, { show_id: open })).status).toBe(200)

      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "auction", fields: ["id", "show.title", "show.seller.email"], filters: { id: lot } })
      const me = (await api.get("/admin/users/me", { headers: admin })).data.user
      expect(data[0]).toMatchObject({ id: lot, show: { title: "Friday breaks", seller: { email: me.email } } })
    })
  })

  describe("Store API", () => {
    it("should list shows viewers can find, without staff fields, and serve a show with its lineup", async () => {
      const seller = await userId(admin)
      const live = await createShow(api, admin, { title: "On now", metadata: { note: "staff only" } }, { live: true })
      const soon = await createShow(api, admin, { title: "Tomorrow", scheduled_at: new Date(Date.now() + 86_400_000).toISOString() })
      const cancelled = await createShow(api, admin, { title: "Called off" })
      await post(`/admin/shows/${cancelled}/cancel`)
      const running = await createLot(api, admin, { show_id: live })
      await createLot(api, admin, { show_id: live }, { start: false }) // a draft: not for viewers
      expect((await bid(api, running, buyers[0].headers, { amount: 5 })).status).toBe(200)

      const { data } = await api.get(`/store/shows?seller_id=${seller}`, { headers: store })
      expect(data.shows.map((s: any) => s.id).sort()).toEqual([live, soon].sort())
      for (const show of data.shows) {
        expect(show).not.toHaveProperty("seller_id")
        expect(show).not.toHaveProperty("metadata")
      }
      const onlyLive = await api.get(`/store/shows?seller_id=${seller}&status=live`, { headers: store })
      expect(onlyLive.data.shows.map((s: any) => s.id)).toEqual([live])

      const page = await api.get(`/store/shows/${live}`, { headers: store })
      expect(page.data.show).toMatchObject({ id: live, title: "On now", status: "live" })
      expect(page.data.show.auctions.map((a: any) => a.id)).toEqual([running])
      expect(page.data.show.auctions[0]).toMatchObject({ current_price: 5, seq: expect.any(Number) })

      expect((await attempt(api.get(`/store/shows/${cancelled}`, { headers: store }))).status).toBe(404)

      // Replays, latest first (Medusa's `order`, `-` for descending): ended one after the other.
      const ended: string[] = []
      for (const title of ["Monday", "Tuesday", "Wednesday"]) {
        const id = await createShow(api, admin, { title }, { live: true })
        await post(`/admin/shows/${id}/end`)
        ended.push(id)
      }
      const replays = await api.get(`/store/shows?seller_id=${seller}&status=ended&order=-ended_at&limit=2`, { headers: store })
      expect(replays.data.shows.map((s: any) => s.id)).toEqual([ended[2], ended[1]])
      expect(replays.data.count).toBe(3)
      const oldestFirst = await api.get(`/store/shows?seller_id=${seller}&status=ended&order=ended_at`, { headers: store })
      expect(oldestFirst.data.shows.map((s: any) => s.id)).toEqual(ended)
      const adminList = await api.get(`/admin/shows?status=ended&order=title`, { headers: admin })
      expect(adminList.data.shows.map((s: any) => s.title)).toEqual(["Monday", "Tuesday", "Wednesday"])

      for (const bad of ["/store/shows?status=bogus", "/store/shows?status=cancelled", `/store/shows/${live}?expand=seller`, "/store/shows?order=seller_id", "/store/shows?order=--ended_at"]) {
        expect((await attempt(api.get(bad, { headers: store }))).status).toBe(400)
      }
      expect((await attempt(api.get("/store/shows", {}))).status).toBe(400) // no publishable key
    })
  })

  // This file's app has no LiveKit: shows play their external playback URL and the rest works.
  describe("without LiveKit or S3", () => {
    it("should say video is external, play the playback URL, and refuse tokens, ingress and media uploads as not configured", async () => {
      const config = (await api.get("/store/live/config", { headers: store })).data.config
      expect(config.features.video).toBe("external")
      expect(config.video).toBeNull()

      const external = await createShow(api, admin, { playback_url: "https://video.example.com/x.m3u8" }, { live: true })
      const bare = await createShow(api, admin, {}, { live: true })
      const none = { publisher_status: "offline", recording_url: null, preview_url: null }
      expect((await api.get(`/store/shows/${external}`, { headers: store })).data.show).toMatchObject({
        status: "live",
        playback_url: "https://video.example.com/x.m3u8",
        video: { mode: "external", ...none },
      })
      expect((await api.get(`/store/shows/${bare}`, { headers: store })).data.show.video).toEqual({ mode: "none", ...none })
      expect(await adminShow(external)).toMatchObject({ room_name: null, recording_status: "none", publisher_status: "offline" })
      // `?fields=` without video leaves it out, and with it alone reads only what it needs.
      const titled = (await api.get(`/store/shows/${external}?fields=title`, { headers: store })).data.show
      expect(titled).not.toHaveProperty("video")
      const video = (await api.get(`/store/shows/${external}?fields=video`, { headers: store })).data.show
      expect(video).not.toHaveProperty("playback_url")
      expect(video.video.mode).toBe("external")

      for (const [url, headers] of [
        [`/store/shows/${external}/viewer-token`, store],
        [`/admin/shows/${external}/publisher-token`, admin],
        [`/admin/shows/${external}/ingress`, admin],
      ] as const) {
        const res = await attempt(api.post(url, url.endsWith("ingress") ? { type: "rtmp" } : {}, { headers }))
        expect([url, res.status, res.data.code]).toEqual([url, 400, "video_not_configured"])
      }
      const hook = await attempt(api.post("/hooks/livekit", "{}", { headers: { "content-type": "application/json", authorization: "x" } }))
      expect(hook.status).toBe(400)
      // Nor S3: no presigned media uploads (Medusa's own POST /admin/uploads and a URL instead).
      const upload = await attempt(
        api.post(`/admin/shows/${external}/media-uploads`, { kind: "thumbnail", content_type: "image/png", size: 10 }, { headers: admin })
      )
      expect([upload.status, upload.data.code]).toEqual([400, "media_not_configured"])
      const attach = await attempt(api.post(`/admin/shows/${external}/media`, { kind: "thumbnail", key: "shows/x/thumbnail/y.png" }, { headers: admin }))
      expect([attach.status, attach.data.code]).toEqual([400, "media_not_configured"])
      expect((await post(`/admin/shows/${external}/end`)).status).toBe(200)
    })
  })
}
