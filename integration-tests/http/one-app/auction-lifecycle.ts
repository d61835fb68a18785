import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { adminHeaders, createBuyers, type Buyer } from "../../helpers/actors"
import { tickClock } from "../../../src/lib/auction-clock"
import { adminLot as fetchAdminLot, bid, CLOSES_WITHIN_MS, createLot, sleep } from "../../helpers/auctions"

export function auctionLifecycleSuite({ api, getContainer, dbConnection }: MedusaSuiteOptions): void {
  let admin: Record<string, string>
  let buyers: Buyer[]

  beforeEach(async () => {
    admin = await adminHeaders(getContainer(), api)
    buyers = await createBuyers(getContainer(), 3)
  })

  const adminLot = (id: string) => fetchAdminLot(api, admin, id)

  /** Waits for the server to close the lot, then returns it as staff see it. */
  async function waitForClose(id: string, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const lot = await adminLot(id)
      if (lot.closed_at || Date.now() > deadline) {
        return lot
      }
      await sleep(50)
    }
  }

  const closeLag = (lot: { closed_at: string; ends_at: string }) =>
    new Date(lot.closed_at).getTime() - new Date(lot.ends_at).getTime()

  describe("soft close", () => {
    it("should extend a lot on a late bid, up to its cap, then close it on time (by its timer, never early)", async () => {
      const [A, B] = buyers
      const id = await createLot(api, admin, {
        duration_seconds: 5,
        soft_close_seconds: 4,
        soft_close_mode: "reset",
        extend_seconds: 4,
        max_extensions: 1,
      })
      const early = await bid(api, id, A.headers, { amount: 5 })
      expect(early.data.extended).toBe(false) // 5 s left: outside the 4 s window

      await sleep(1500)
      const late = await bid(api, id, B.headers, { amount: 6 })
      expect(late.data.extended).toBe(true)
      const endAfterFirst = new Date(late.data.auction.ends_at).getTime()
      expect(endAfterFirst - new Date(late.data.server_time).getTime()).toBeGreaterThan(3900)
      expect(late.data.auction.extension_count).toBe(1)
      expect(late.data.auction.seq - early.data.auction.seq).toBe(2) // the bid, then the extension

      const capped = await bid(api, id, A.headers, { amount: 7 })
      expect(capped.data.extended).toBe(false) // max_extensions reached
      expect(new Date(capped.data.auction.ends_at).getTime()).toBe(endAfterFirst)

      const closed = await waitForClose(id)
      expect(closed).toMatchObject({ status: "sold", winner_customer_id: A.id, hammer_price: 7 })
      expect(closeLag(closed)).toBeGreaterThanOrEqual(0)
      expect(closeLag(closed)).toBeLessThanOrEqual(CLOSES_WITHIN_MS)

      const after = await bid(api, id, B.headers, { amount: 20 })
      expect(after.status).toBe(400)
      expect(after.data.code).toBe("auction_closed")
    })

    it("should never extend a sudden-death lot", async () => {
      const id = await createLot(api, admin, { duration_seconds: 5, soft_close_seconds: 10, sudden_death: true })
      const res = await bid(api, id, buyers[0].headers, { amount: 5 })
      expect(res.data.extended).toBe(false)
      expect(res.data.auction.extension_count).toBe(0)
      expect(res.data.auction.sudden_death).toBe(true)
    })

    it("extend mode adds to the end rather than resetting it", async () => {
      const id = await createLot(api, admin, { duration_seconds: 5, soft_close_seconds: 10, soft_close_mode: "extend", extend_seconds: 30 })
      const before = new Date((await adminLot(id)).ends_at).getTime()
      const res = await bid(api, id, buyers[0].headers, { amount: 5 })
      expect(new Date(res.data.auction.ends_at).getTime() - before).toBe(30_000)
    })
  })

  describe("closing", () => {
    it("should end unsold when the reserve is not met", async () => {
      const id = await createLot(api, admin, { duration_seconds: 5, reserve_price: 100, soft_close_seconds: 0 })
      const res = await bid(api, id, buyers[0].headers, { amount: 50 })
      expect(res.data.auction.reserve_met).toBe(false)
      const closed = await waitForClose(id)
      expect(closed).toMatchObject({ status: "unsold", winner_customer_id: null, hammer_price: null })
      expect(closeLag(closed)).toBeLessThanOrEqual(CLOSES_WITHIN_MS)
    })

    it("should end unsold with no bids, and re-run as a fresh lot", async () => {
      const id = await createLot(api, admin, { duration_seconds: 5, soft_close_seconds: 0 })
      const closed = await waitForClose(id)
      expect(closed.status).toBe("unsold")

      const rerun = await api.post(`/admin/auctions/${id}/rerun`, {}, { headers: admin })
      expect(rerun.data.auction).toMatchObject({ status: "draft", run: 2, bid_count: 0, current_price: null, ends_at: null })
      await api.post(`/admin/auctions/${id}/start`, {}, { headers: admin })
      const res = await bid(api, id, buyers[0].headers, { amount: 5 })
      expect(res.status).toBe(200)
      expect(res.data.bid.seq).toBeGreaterThan(closed.seq)
    })

    it("should sell at once on buy-now and refuse later bids", async () => {
      const [A, B] = buyers
      const id = await createLot(api, admin, { buy_now_price: 80 })
      await bid(api, id, A.headers, { max_amount: 30 })
      const bought = await bid(api, id, B.headers, { buy_now: true })
      expect(bought.data.outcome).toBe("bought")
      expect(bought.data.auction).toMatchObject({ status: "sold", hammer_price: 80 })
      expect((await adminLot(id)).winner_customer_id).toBe(B.id)
      const late = await bid(api, id, A.headers, { amount: 90 })
      expect(late.data.code).toBe("auction_closed")
    })

    it("should refuse invalid transitions with a code", async () => {
      const id = await createLot(api, admin)
      const again = await api.post(`/admin/auctions/${id}/start`, {}, { headers: admin }).catch((e: { response: any }) => e.response)
      expect(again.status).toBe(400)
      expect(again.data.code).toBe("invalid_transition")
      const rerunLive = await api.post(`/admin/auctions/${id}/rerun`, {}, { headers: admin }).catch((e: { response: any }) => e.response)
      expect(rerunLive.data.code).toBe("invalid_transition")
      const edit = await api.post(`/admin/auctions/${id}`, { title: "New" }, { headers: admin }).catch((e: { response: any }) => e.response)
      expect(edit.status).toBe(400)
      expect(edit.data.code).toBe("invalid_transition")
    })
  })

  describe("the clock job (the safety net behind the timers)", () => {
    it("should start scheduled lots when their time comes and close lots whose timer was lost", async () => {
      const id = await createLot(api, admin, { scheduled_at: new Date(Date.now() + 800).toISOString() }, { start: false })
      await tickClock(getContainer())
      expect((await adminLot(id)).status).toBe("scheduled") // not yet
      await sleep(1000)
      await tickClock(getContainer())
      const started = await adminLot(id)
      expect(started.status).toBe("live")
      expect(new Date(started.ends_at).getTime() - new Date(started.started_at).getTime()).toBe(60_000)

      // A live lot past its end that no timer in this process knows about (e.g. after a restart).
      await dbConnection.raw(
        "update live_auction set ends_at = clock_timestamp() - interval '2 seconds' where id = ?",
        [id]
      )
      await tickClock(getContainer()) // arms a timer with no delay left
      expect((await waitForClose(id, 2000)).status).toBe("unsold")
    })
  })

  describe("pre-bids", () => {
    it("should take max bids while scheduled and carry them into the live lot", async () => {
      const [A, B] = buyers
      const id = await createLot(api, admin, { scheduled_at: new Date(Date.now() + 3600_000).toISOString() }, { start: false })
      const pre = await bid(api, id, A.headers, { max_amount: 15 })
      expect(pre.status).toBe(200)
      expect(pre.data.bid.is_prebid).toBe(true)
      const straight = await bid(api, id, B.headers, { amount: 6 })
      expect(straight.data.code).toBe("auction_not_live")

      await api.post(`/admin/auctions/${id}/start`, {}, { headers: admin })
      const live = await bid(api, id, B.headers, { amount: 6 })
      expect(live.data).toMatchObject({ outcome: "outbid", auction: { current_price: 7 } })
    })
  })

  describe("events", () => {
    it("should emit every state change on the event bus after commit, in seq order with no gaps", async () => {
      const seen: { name: string; seq: number; auction_id: string }[] = []
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      for (const name of ["live_auction.started", "live_auction.bid_placed", "live_auction.extended", "live_auction.closed"]) {
        eventBus.subscribe(name, async ({ name: n, data }: any) => {
          seen.push({ name: n, seq: data.seq, auction_id: data.auction_id })
        })
      }
      const id = await createLot(api, admin, { duration_seconds: 5, soft_close_seconds: 10, max_extensions: 1, extend_seconds: 1 })
      await bid(api, id, buyers[0].headers, { amount: 5 })
      await bid(api, id, buyers[1].headers, { amount: 6 })
      await waitForClose(id)
      const deadline = Date.now() + 5000
      while (!seen.some((e) => e.name === "live_auction.closed") && Date.now() < deadline) {
        await sleep(50)
      }
      const mine = seen.filter((e) => e.auction_id === id)
      expect(mine.map((e) => e.name)).toEqual([
        "live_auction.started",
        "live_auction.bid_placed",
        "live_auction.extended",
        "live_auction.bid_placed",
        "live_auction.closed",
      ])
      expect(mine.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5])
      // The relay marks events published when its transaction commits, just after emitting.
      const unpublished = async () =>
        (await dbConnection.raw(
          "select count(*)::int as n from live_auction_event where auction_id = ? and published_at is null",
          [id]
        )).rows[0].n
      const until = Date.now() + 3000
      while ((await unpublished()) > 0 && Date.now() < until) {
        await sleep(50)
      }
      expect(await unpublished()).toBe(0)
    })
  })

  describe("links", () => {
    it("should refuse an unknown variant and link a catalog lot to its variant and its winner", async () => {
      const unknown = await api
        .post("/admin/auctions", { title: "x", currency_code: "usd", starting_price: 1, product_variant_id: "variant_missing" }, { headers: admin })
        .catch((e: { response: any }) => e.response)
      expect(unknown.status).toBe(404)
      expect((await api.get("/admin/auctions", { headers: admin })).data.count).toBe(0)

      const { result } = await createProductsWorkflow(getContainer()).run({
        input: {
          products: [
            {
              title: "Sneakers",
              status: "published",
              options: [{ title: "Size", values: ["10"] }],
              variants: [{ title: "10", options: { Size: "10" }, manage_inventory: false, prices: [{ amount: 100, currency_code: "usd" }] }],
            },
          ],
        },
      })
      const variantId = result[0].variants[0].id
      const id = await createLot(api, admin, { product_variant_id: variantId, buy_now_price: 90 })
      await bid(api, id, buyers[0].headers, { buy_now: true })

      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "auction",
        fields: ["id", "status", "product_variant.id", "product_variant.title", "winner.id"],
        filters: { id },
      })
      expect(data[0]).toMatchObject({
        status: "sold",
        product_variant: { id: variantId, title: "10" },
        winner: { id: buyers[0].id },
      })
    })
  })

  describe("Admin API", () => {
    it("should validate lots on create and show staff the full bid history", async () => {
      const bad = await api
        .post("/admin/auctions", { title: "x", currency_code: "usd", starting_price: 10, reserve_price: 5 }, { headers: admin })
        .catch((e: { response: any }) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.type).toBe("invalid_data")
      const noAuth = await api.post("/admin/auctions", { title: "x" }).catch((e: { response: any }) => e.response)
      expect(noAuth.status).toBe(401)

      const id = await createLot(api, admin, { reserve_price: 10 })
      await bid(api, id, buyers[0].headers, { max_amount: 40 })
      const lot = await adminLot(id)
      expect(lot).toMatchObject({ leader_customer_id: buyers[0].id, reserve_price: 10, current_price: 10 })
      expect(Number(lot.leader_max)).toBe(40)
      const history = await api.get(`/admin/auctions/${id}/bids`, { headers: admin })
      expect(history.data.bids[0]).toMatchObject({ customer_id: buyers[0].id, kind: "max" })
      expect(Number(history.data.bids[0].amount)).toBe(40)
    })
  })
}
