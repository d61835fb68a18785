import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { Child } from "../../scripts/lib/processes"
import { stopChild } from "../../scripts/lib/processes"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { adminHeaders, createBuyers } from "../helpers/actors"
import { demoShop } from "../helpers/checkout"
import { bid, createLot, createShow, sleep } from "../helpers/auctions"
import { freePort, startRedis, startSidecarProcess, type SidecarProcess } from "../helpers/services"
import { chainBreaks, next, record, viewer, type Viewer } from "../helpers/viewers"

jest.setTimeout(180_000)

// Our own Redis, so the test can kill it mid-stream. The app publishes lot events to it
// (REALTIME_REDIS_URL: only the plugin's realtime transport; Medusa's own modules stay local).
let redisPort = 0
let redis: Child | undefined

beforeAll(async () => {
  redisPort = await freePort()
  process.env.REALTIME_REDIS_URL = `redis://127.0.0.1:${redisPort}`
  redis = await startRedis(redisPort)
})

afterAll(async () => {
  delete process.env.REALTIME_REDIS_URL
  if (redis) {
    await stopChild(redis, 2000)
  }
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    const sidecars: SidecarProcess[] = []
    const viewers: Viewer[] = []

    afterEach(async () => {
      viewers.splice(0).forEach((v) => v.disconnect())
      await Promise.all(sidecars.splice(0).map((s) => s.stop()))
    })

    async function twoSidecars() {
      const env = {
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
        DATABASE_URL: dbConfig.clientUrl,
        REALTIME_VIEWERS_INTERVAL_MS: "200",
        JWT_SECRET: getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.jwtSecret as string,
      }
      const [a, b] = await Promise.all([
        startSidecarProcess({ ...env, REALTIME_NODE_ID: "node-a" }),
        startSidecarProcess({ ...env, REALTIME_NODE_ID: "node-b" }),
      ])
      sidecars.push(a, b)
      return [a, b]
    }
    async function watch(url: string, rooms: string[]) {
      const socket = await viewer(url)
      viewers.push(socket)
      const seen = record(socket)
      for (const room of rooms) {
        expect(await socket.emitWithAck("room:join", { room })).toMatchObject({ ok: true })
      }
      return { socket, seen }
    }

    it("sends a winner's payment notice over Redis to their connections on every sidecar", async () => {
      const [a, b] = await twoSidecars()
      const { store, variantIds } = await demoShop(getContainer(), api)
      const admin = await adminHeaders(getContainer(), api)
      const [A] = await createBuyers(getContainer(), 1, store)
      const sockets = [await viewer(a.url, A.token), await viewer(b.url, A.token)]
      viewers.push(...sockets)
      for (const socket of sockets) {
        expect(await socket.emitWithAck("room:join", { room: `user:${A.id}` })).toMatchObject({ ok: true })
      }
      const id = await createLot(api, admin, { duration_seconds: 5, soft_close_seconds: 0, product_variant_id: variantIds[0] })
      const due = sockets.map((socket) => next(socket, "auction:payment_due", 20_000))
      await bid(api, id, A.headers, { amount: 6 })
      const notices = await Promise.all(due)
      for (const notice of notices) {
        expect(notice).toMatchObject({ room: `user:${A.id}`, auction_id: id, amount: 6, cart_id: expect.stringMatching(/^cart_/) })
      }
      expect(notices[0].cart_id).toBe(notices[1].cart_id)
    })

    it("counts a show's viewers on one sidecar for its seller connected to the other, and tells both when it goes live", async () => {
      const [a, b] = await twoSidecars()
      const seller = await adminHeaders(getContainer(), api)
      const sellerId = (await api.get("/admin/users/me", { headers: seller })).data.user.id
      const show = await createShow(api, seller)
      const desk = await viewer(b.url, seller.authorization.slice("Bearer ".length))
      viewers.push(desk)
      const counts = record(desk)
      expect(await desk.emitWithAck("room:join", { room: `seller:${sellerId}` })).toMatchObject({ ok: true })
      const [first, second] = [await watch(a.url, [`show:${show}`]), await watch(a.url, [`show:${show}`])]

      // Going on air reaches the viewers on one node and the seller on the other, through Redis.
      const onAir = [next(first.socket, "show:status", 10_000), next(desk, "show:status", 10_000)]
      await api.post(`/admin/shows/${show}/go-live`, {}, { headers: seller })
      for (const update of await Promise.all(onAir)) {
        expect(update).toMatchObject({ show_id: show, status: "live" })
      }
      await counts.untilViewers(`seller:${sellerId}`, 2, 10_000, show)
      first.socket.disconnect()
      await counts.untilViewers(`seller:${sellerId}`, 1, 10_000, show)
      second.socket.disconnect() // the last viewer, on the other node: the seller is told 0
      await counts.untilViewers(`seller:${sellerId}`, 0, 10_000, show)
    })

    it("two sidecar processes on Redis deliver every bid to viewers on both, count the show's viewers across them, and lose nothing when Redis restarts mid-stream", async () => {
      const [a, b] = await twoSidecars()
      const admin = await adminHeaders(getContainer(), api)
      const [A, B] = await createBuyers(getContainer(), 2)
      const show = await createShow(api, admin)
      const id = await createLot(api, admin, { show_id: show, soft_close_seconds: 0, duration_seconds: 120 }, { start: false })
      const rooms = [`auction:${id}`, `show:${show}`]

      const onA = await watch(a.url, rooms)
      const onB = await watch(b.url, rooms)
      // Each node counts its own viewer; both publish the sum.
      await onA.seen.untilViewers(`show:${show}`, 2)
      await onB.seen.untilViewers(`show:${show}`, 2)

      await api.post(`/admin/auctions/${id}/start`, {}, { headers: admin })
      let amount = 5
      const bids = async (count: number) => {
        for (let i = 0; i < count; i++) {
          expect((await bid(api, id, [A, B][(amount / 5) % 2].headers, { amount })).status).toBe(200)
          amount += 5 // always a valid next bid up to 300 (increments of 1 to 5)
          await sleep(30)
        }
      }
      await bids(10)
      for (const v of [onA, onB]) {
        await v.seen.until(`auction:${id}`, 11)
      }

      // Redis dies mid-stream and comes back: bids keep being accepted all along.
      const killed = redis!
      killed.process.kill("SIGKILL")
      await killed.exited
      await bids(10)
      redis = await startRedis(redisPort)
      await bids(10)

      const lastSeq = 31 // start + 30 bids
      for (const v of [onA, onB]) {
        await v.seen.until(`auction:${id}`, lastSeq, 20_000)
        expect(chainBreaks(v.seen.events(`auction:${id}`))).toEqual([])
        await v.seen.until(`show:${show}`, lastSeq, 20_000)
        expect(chainBreaks(v.seen.events(`show:${show}`))).toEqual([])
        expect(v.seen.events(`auction:${id}`).at(-1)).toMatchObject({ price: amount - 5 })
      }
      const metrics = await (await fetch(`${a.url}/metrics`)).text()
      expect(metrics).toMatch(/\nlive_realtime_catch_ups_total [1-9]/)

      // A viewer joining late on either node gets the latest price first, then the live stream.
      const late = await viewer(b.url)
      viewers.push(late)
      const latest = next(late, "bid:placed")
      expect(await late.emitWithAck("room:join", { room: `auction:${id}`, last_seq: 25 })).toMatchObject({ ok: true, data: { seq: lastSeq } })
      expect((await latest).seq).toBeGreaterThan(25)
    })
  },
})
