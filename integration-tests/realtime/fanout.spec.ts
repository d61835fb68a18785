import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { loadRealtimeConfig } from "../../src/realtime/config"
import { createRealtimeServer, type RealtimeServer } from "../../src/realtime/server"
import { createOutboxReader, type OutboxReader } from "../../src/realtime/transport/outbox-reader"
import { listenToPostgres, type Listener } from "../../src/realtime/transport/pg-listener"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { adminHeaders, createBuyers } from "../helpers/actors"
import { demoShop } from "../helpers/checkout"
import { bid, createLot, createShow, sleep } from "../helpers/auctions"
import { chainBreaks, next, record, viewer, type Viewer } from "../helpers/viewers"

jest.setTimeout(120_000)

type Sidecar = { server: RealtimeServer; listener: Listener; reader: OutboxReader; url: string }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    const sidecars: Sidecar[] = []
    const viewers: Viewer[] = []

    /** A sidecar on PostgreSQL, as `npm start` runs it: LISTEN/NOTIFY plus the outbox as its log. */
    async function sidecar(env: Record<string, string> = {}): Promise<Sidecar> {
      const reader = createOutboxReader(dbConfig.clientUrl)
      const jwtSecret = getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.jwtSecret as string
      const config = loadRealtimeConfig({ REALTIME_PORT: "0", REALTIME_HOST: "127.0.0.1", JWT_SECRET: jwtSecret, ...env })
      const server = createRealtimeServer(config, { reader })
      const port = await server.listen()
      const listener = await listenToPostgres(dbConfig.clientUrl, {
        onEvent: server.publish,
        onNotice: server.notify,
        onShowUpdate: server.showUpdate,
        onResync: server.resync,
      })
      const s = { server, listener, reader, url: `http://127.0.0.1:${port}` }
      sidecars.push(s)
      return s
    }
    async function stop(s: Sidecar) {
      await s.listener.close()
      await s.server.close()
      await s.reader.close()
      sidecars.splice(sidecars.indexOf(s), 1)
    }
    async function watch(url: string, token?: string) {
      const socket = await viewer(url, token)
      viewers.push(socket)
      return socket
    }

    afterEach(async () => {
      viewers.splice(0).forEach((v) => v.disconnect())
      for (const s of [...sidecars]) {
        await stop(s)
      }
    })

    it("tells the winner, live and privately, that the lot is in their cart and by when to pay", async () => {
      const { url } = await sidecar()
      const { store, variantIds } = await demoShop(getContainer(), api)
      const admin = await adminHeaders(getContainer(), api)
      const [A, B] = await createBuyers(getContainer(), 2, store)
      const winner = await watch(url, A.token)
      const loser = await watch(url, B.token)
      await winner.emitWithAck("room:join", { room: `user:${A.id}` })
      await loser.emitWithAck("room:join", { room: `user:${B.id}` })
      const loserNotices: string[] = []
      loser.onAny((event) => loserNotices.push(event))

      const id = await createLot(api, admin, { duration_seconds: 5, soft_close_seconds: 0, product_variant_id: variantIds[0] })
      const won = next(winner, "auction:won", 15_000)
      const due = next(winner, "auction:payment_due", 20_000)
      await bid(api, id, B.headers, { amount: 8 })
      await bid(api, id, A.headers, { amount: 9 })
      expect(await won).toMatchObject({ auction_id: id, hammer_price: 9 })
      const notice = await due
      expect(notice).toMatchObject({
        room: `user:${A.id}`,
        auction_id: id,
        rank: 0,
        amount: 9,
        currency_code: "usd",
        cart_id: expect.stringMatching(/^cart_/),
        due_at: expect.any(String),
      })
      // The cart it names is the winner's, holding the lot.
      const { data } = await api.get(`/store/carts/${notice.cart_id}`, { headers: A.headers })
      expect(data.cart.items.map((i: { metadata: Record<string, unknown> }) => i.metadata.auction_id)).toEqual([id])
      expect(loserNotices).toEqual(["auction:outbid"])
    })

    it("tells a seller, in their console room, how many watch each of their shows, and no one else's", async () => {
      const { url } = await sidecar({ REALTIME_VIEWERS_INTERVAL_MS: "200" })
      const seller = await adminHeaders(getContainer(), api)
      const rival = await adminHeaders(getContainer(), api)
      const sellerId = (await api.get("/admin/users/me", { headers: seller })).data.user.id
      const token = (headers: Record<string, string>) => headers.authorization.slice("Bearer ".length)
      const [main, side] = [await createShow(api, seller, { title: "Main" }), await createShow(api, seller, { title: "Side" })]
      const theirs = await createShow(api, rival)
      const room = `seller:${sellerId}`

      const desk = await watch(url, token(seller))
      const counts = record(desk)
      const shows: string[] = []
      desk.on("show:viewers", (e) => shows.push(e.show_id))
      expect(await desk.emitWithAck("room:join", { room })).toMatchObject({ ok: true })
      const intruder = await watch(url, token(rival))
      expect(await intruder.emitWithAck("room:join", { room })).toMatchObject({ ok: false, error: { code: "unauthorized" } })

      const audience: Viewer[] = []
      for (const show of [main, main, side, theirs]) {
        const v = await watch(url)
        await v.emitWithAck("room:join", { room: `show:${show}` })
        audience.push(v)
      }
      await counts.untilViewers(room, 2, 10_000, main)
      await counts.untilViewers(room, 1, 10_000, side)

      // A second console (another tab) is told the current counts as it joins.
      const tab = await watch(url, token(seller))
      const tabCounts = record(tab)
      await tab.emitWithAck("room:join", { room })
      await tabCounts.untilViewers(room, 2, 1000, main)

      audience[0].disconnect()
      audience[2].disconnect()
      await counts.untilViewers(room, 1, 10_000, main)
      await counts.untilViewers(room, 0, 10_000, side)
      expect(shows).not.toContain(theirs)
    })

    it("tells a show's viewers and its seller, live, when the show goes on air and off it", async () => {
      const { url } = await sidecar()
      const seller = await adminHeaders(getContainer(), api)
      const sellerId = (await api.get("/admin/users/me", { headers: seller })).data.user.id
      const show = await createShow(api, seller)
      const other = await createShow(api, seller)
      const desk = await watch(url, seller.authorization.slice("Bearer ".length))
      await desk.emitWithAck("room:join", { room: `seller:${sellerId}` })
      const fan = await watch(url)
      await fan.emitWithAck("room:join", { room: `show:${show}` })
      const statuses: string[] = []
      fan.on("show:status", (e) => statuses.push(`${e.show_id === show ? "this" : "other"}:${e.status}`))

      const onAir = [next(fan, "show:status", 10_000), next(desk, "show:status", 10_000)]
      await api.post(`/admin/shows/${show}/go-live`, {}, { headers: seller })
      const [toFan, toDesk] = await Promise.all(onAir)
      expect(toFan).toMatchObject({ room: `show:${show}`, show_id: show, status: "live", started_at: expect.any(String), ended_at: null })
      expect(toDesk).toMatchObject({ room: `seller:${sellerId}`, show_id: show, status: "live" })

      await api.post(`/admin/shows/${other}/cancel`, {}, { headers: seller }) // not this viewer's show
      const offAir = next(fan, "show:status", 10_000)
      await api.post(`/admin/shows/${show}/end`, {}, { headers: seller })
      expect(await offAir).toMatchObject({ show_id: show, status: "ended", ended_at: expect.any(String) })
      expect(statuses).toEqual(["this:live", "this:ended"])
    })

    it("delivers a bid over HTTP to the viewers of the lot and of its show, each with its room's seq, never a customer id", async () => {
      const { url } = await sidecar()
      const admin = await adminHeaders(getContainer(), api)
      const [A, B] = await createBuyers(getContainer(), 2)
      const show = await createShow(api, admin)
      const id = await createLot(api, admin, { show_id: show }, { start: false })

      const lotViewer = await watch(url)
      const showViewer = await watch(url)
      expect(await lotViewer.emitWithAck("room:join", { room: `auction:${id}` })).toEqual({
        ok: true,
        data: { room: `auction:${id}`, seq: 0, replayed: 0, snapshot_required: false },
      })
      await showViewer.emitWithAck("room:join", { room: `show:${show}` })

      const started = [next(lotViewer, "auction:started"), next(showViewer, "auction:started")]
      await api.post(`/admin/auctions/${id}/start`, {}, { headers: admin })
      const [lotStart, showStart] = await Promise.all(started)
      expect(lotStart).toMatchObject({ room: `auction:${id}`, auction_id: id, seq: 1, prev_seq: 0, ends_at: expect.any(String) })
      expect(showStart).toMatchObject({ room: `show:${show}`, auction_id: id, seq: 1, auction_seq: 1, show_id: show })

      const placed = [next(lotViewer, "bid:placed"), next(showViewer, "bid:placed")]
      expect((await bid(api, id, A.headers, { amount: 5 })).status).toBe(200)
      const [inLot, inShow] = await Promise.all(placed)
      expect(inLot).toMatchObject({ room: `auction:${id}`, seq: 2, prev_seq: 1, price: 5, outcome: "leading", bid_count: 1 })
      expect(inShow).toMatchObject({ room: `show:${show}`, seq: 2, prev_seq: 1, auction_seq: 2, price: 5 })
      for (const event of [inLot, inShow]) {
        expect(JSON.stringify(event)).not.toContain(A.id)
      }

      // A second lot in the same show continues the show's stream.
      const other = await createLot(api, admin, { show_id: show }, { start: false })
      const nextInShow = next(showViewer, "auction:started")
      await api.post(`/admin/auctions/${other}/start`, {}, { headers: admin })
      expect(await nextInShow).toMatchObject({ auction_id: other, seq: 3, prev_seq: 2, auction_seq: 1 })
      expect((await bid(api, id, B.headers, { amount: 6 })).status).toBe(200)
    })

    it("catches a client up with no gap after it was cut off for 3 s, and after the sidecar itself restarted", async () => {
      let current = await sidecar()
      const admin = await adminHeaders(getContainer(), api)
      const [A, B] = await createBuyers(getContainer(), 2)
      const id = await createLot(api, admin, { soft_close_seconds: 0 })
      const room = `auction:${id}`
      let amount = 5
      const bidder = [A, B]
      const placeBids = async (count: number) => {
        for (let i = 0; i < count; i++) {
          expect((await bid(api, id, bidder[amount % 2].headers, { amount })).status).toBe(200)
          amount++
        }
      }

      const socket = await watch(current.url)
      const seen = record(socket)
      await socket.emitWithAck("room:join", { room })
      await placeBids(3)
      await seen.until(room, 4)

      // Cut off for 3 s while the lot moves on.
      socket.disconnect()
      const cutAt = seen.last(room)
      await Promise.all([placeBids(4), sleep(3000)])
      socket.connect()
      await new Promise((resolve) => socket.once("connect", () => resolve(undefined)))
      // Price updates are conflated (≤ 10/s), so the replay may hold fewer events than were placed,
      // but it always ends at the latest, before the ack.
      const rejoined = await socket.emitWithAck("room:join", { room, last_seq: cutAt })
      expect(rejoined).toMatchObject({ ok: true, data: { seq: 8, replayed: expect.any(Number), snapshot_required: false } })
      expect(rejoined.ok && rejoined.data.replayed).toBeGreaterThanOrEqual(1)
      expect(seen.last(room)).toBe(8)
      await placeBids(1)
      await seen.until(room, 9)

      // The sidecar restarts (its memory is gone): the new one reads the lot's history from the log.
      await stop(current)
      await placeBids(2)
      current = await sidecar()
      const again = await watch(current.url)
      const after = record(again)
      expect(await again.emitWithAck("room:join", { room, last_seq: 9 })).toMatchObject({
        ok: true,
        data: { seq: 11, replayed: 2, snapshot_required: false },
      })
      expect(after.last(room)).toBe(11)
      await placeBids(1)
      await after.until(room, 12)
      // As a client keeps them across both connections: no gap, no duplicate, ending at the lot's seq.
      const events = [...seen.events(room), ...after.events(room)]
      expect(chainBreaks(events, 1)).toEqual([])
      expect(events.at(-1)!.seq).toBe(12)
    })
  },
})
