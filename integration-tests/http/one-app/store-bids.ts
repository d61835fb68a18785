import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { adminHeaders, createBuyers, type Buyer } from "../../helpers/actors"
import { bid, createLot, createShow } from "../../helpers/auctions"

export function storeBidsSuite({ api, getContainer }: MedusaSuiteOptions): void {
  let admin: Record<string, string>
  let buyers: Buyer[]

  beforeEach(async () => {
    admin = await adminHeaders(getContainer(), api)
    buyers = await createBuyers(getContainer(), 4)
  })

  const lotState = async (id: string, headers = buyers[0].headers) =>
    (await api.get(`/store/auctions/${id}`, { headers })).data.auction

  describe("POST /store/auctions/:id/bids", () => {
    it("should run eBay's proxy rules over HTTP", async () => {
      const [A, B, C] = buyers
      const id = await createLot(api, admin)
      const steps: [Buyer, Record<string, unknown>, string, number, Buyer][] = [
        [A, { max_amount: 20 }, "leading", 5, A],
        [B, { amount: 10 }, "outbid", 11, A],
        [B, { max_amount: 20 }, "outbid", 20, A], // equal max: the earlier one wins
        [C, { max_amount: 25 }, "leading", 21, C],
        [A, { max_amount: 30 }, "leading", 26, A],
        [A, { max_amount: 40 }, "max_raised", 26, A],
      ]
      let seq = (await lotState(id)).seq
      for (const [who, body, outcome, price, leader] of steps) {
        const res = await bid(api, id, who.headers, body)
        expect({ body, status: res.status, outcome: res.data.outcome, price: res.data.auction.current_price }).toEqual({
          body,
          status: 200,
          outcome,
          price,
        })
        expect(res.data.auction.seq).toBe(++seq)
        const view = await lotState(id, leader.headers)
        expect(view.you_lead).toBe(true)
        expect(view.leader).toMatch(/^bidder-[0-9a-f]{6}$/)
      }
      const state = await lotState(id, A.headers)
      expect(state).toMatchObject({ status: "live", current_price: 26, bid_count: 6, min_next_bid: 27, your_max: 40 })
      // Nobody else sees A's max.
      expect((await lotState(id, B.headers)).your_max).toBeNull()
      const anonymous = (await api.get(`/store/auctions/${id}`, { headers: { "x-publishable-api-key": B.headers["x-publishable-api-key"] } })).data.auction
      expect(anonymous.your_max).toBeNull()
      expect(Object.values(anonymous)).not.toContain(40)
      expect(anonymous).not.toHaveProperty("leader_max")
    })

    it("should keep bid history public but pseudonymous, and list a customer's own bids", async () => {
      const [A, B] = buyers
      const id = await createLot(api, admin)
      await bid(api, id, A.headers, { max_amount: 50 })
      await bid(api, id, B.headers, { amount: 7 })

      const history = await api.get(`/store/auctions/${id}/bids`, { headers: B.headers })
      expect(history.data.count).toBe(2)
      expect(history.data.bids.map((b: any) => [b.kind, b.price, b.outcome])).toEqual([
        ["straight", 8, "outbid"],
        ["max", 5, "leading"],
      ])
      const raw = JSON.stringify(history.data)
      expect(raw).not.toContain(A.id)
      for (const entry of history.data.bids) {
        expect(Object.keys(entry).sort()).toEqual(["bidder", "created_at", "id", "is_prebid", "kind", "outcome", "price", "run", "seq"])
        expect(entry.price).not.toBe(50)
      }

      const mine = await api.get("/store/customers/me/bids", { headers: A.headers })
      expect(mine.data.bids).toEqual([
        expect.objectContaining({ auction_id: id, kind: "max", amount: 50, leading: true, won: false }),
      ])
    })

    describe("idempotency (Stripe's rule: a retried key replays the first answer)", () => {
      /** The answer as sent: status, replay header and the body's exact bytes. */
      const rawBid = (id: string, headers: Record<string, string>, body: Record<string, unknown>) =>
        api
          .post(`/store/auctions/${id}/bids`, body, { headers, transformResponse: [(raw: string) => raw], validateStatus: () => true })
          .then((res: { status: number; data: string; headers: Record<string, string> }) => ({
            status: res.status,
            replayed: res.headers["idempotent-replayed"] ?? null,
            body: res.data,
          }))

      it("should answer a retried accepted bid with the same 200 and body, and change nothing", async () => {
        const [A] = buyers
        const id = await createLot(api, admin)
        const body = { amount: 6, idempotency_key: "retry-key-0001" }
        const first = await rawBid(id, A.headers, body)
        expect(first).toMatchObject({ status: 200, replayed: null })
        const again = await rawBid(id, A.headers, body)
        expect(again).toEqual({ status: 200, replayed: "true", body: first.body })
        expect(await lotState(id)).toMatchObject({ bid_count: 1, seq: JSON.parse(first.body).auction.seq })
      })

      it("should keep a refused key refused, even after the lot moved on", async () => {
        const [A, B] = buyers
        const id = await createLot(api, admin)
        await bid(api, id, A.headers, { amount: 5 })
        const body = { amount: 9, idempotency_key: "refused-key-0001" }
        const refused = await rawBid(id, A.headers, body) // A already leads
        expect(refused.status).toBe(400)
        expect(JSON.parse(refused.body).code).toBe("already_leading")
        await bid(api, id, B.headers, { amount: 6 }) // now A would no longer be refused
        expect(await rawBid(id, A.headers, body)).toEqual({ status: 400, replayed: "true", body: refused.body })
        expect(await lotState(id)).toMatchObject({ bid_count: 2, current_price: 6 })
      })

      it("should refuse the same key for another request with a 422, writing nothing", async () => {
        const [A] = buyers
        const id = await createLot(api, admin)
        const other = await createLot(api, admin)
        await bid(api, id, A.headers, { amount: 6, idempotency_key: "shared-key-0001" })
        for (const body of [{ amount: 9 }, { max_amount: 6 }]) {
          const conflict = await rawBid(id, A.headers, { ...body, idempotency_key: "shared-key-0001" })
          expect([conflict.status, JSON.parse(conflict.body).code]).toEqual([422, "idempotency_conflict"])
        }
        // Keys are the customer's, across lots, as Stripe's are the account's.
        const elsewhere = await rawBid(other, A.headers, { amount: 6, idempotency_key: "shared-key-0001" })
        expect(elsewhere.status).toBe(422)
        expect(await lotState(id)).toMatchObject({ bid_count: 1 })
        expect(await lotState(other)).toMatchObject({ bid_count: 0 })
      })

      it("should answer 20 copies of one request sent at once with one bid and 20 identical answers", async () => {
        const [A] = buyers
        const id = await createLot(api, admin)
        const body = { max_amount: 40, idempotency_key: "storm-key-0001" }
        const answers = await Promise.all(Array.from({ length: 20 }, () => rawBid(id, A.headers, body)))
        expect(new Set(answers.map((a) => `${a.status} ${a.body}`)).size).toBe(1)
        expect(answers[0].status).toBe(200)
        expect(answers.filter((a) => a.replayed === null)).toHaveLength(1) // the first; the rest are replays
        expect(await lotState(id)).toMatchObject({ bid_count: 1 })
        const history = await api.get(`/admin/auctions/${id}/bids`, { headers: admin })
        expect(history.data.bids).toHaveLength(1)
      })
    })

    it.each([
      ["bid_too_low", async (id: string) => bid(api, id, buyers[0].headers, { amount: 4 })],
      ["already_leading", async (id: string) => {
        await bid(api, id, buyers[0].headers, { amount: 5 })
        return bid(api, id, buyers[0].headers, { amount: 9 })
      }],
      ["buy_now_unavailable", async (id: string) => bid(api, id, buyers[0].headers, { buy_now: true })],
    ])("should reject with %s and the current state", async (code, act) => {
      const id = await createLot(api, admin)
      const res = await act(id)
      expect(res.status).toBe(400)
      expect(res.data).toMatchObject({ type: "not_allowed", code, auction: { id, status: "live" } })
      expect(res.data.auction.min_next_bid).toEqual(expect.any(Number))
      expect(res.data.server_time).toEqual(expect.any(String))
    })

    it("should reject bids on a lot that is not live, the seller's own bids and blocked bidders", async () => {
      const [A, B] = buyers
      const draft = await createLot(api, admin, { allow_prebids: false }, { start: false })
      expect((await bid(api, draft, A.headers, { amount: 5 })).data.code).toBe("auction_not_live")

      const scheduled = await createLot(api, admin, { scheduled_at: new Date(Date.now() + 3600_000).toISOString(), allow_prebids: false }, { start: false })
      expect((await bid(api, scheduled, A.headers, { max_amount: 10 })).data.code).toBe("prebids_disabled")

      const own = await createLot(api, admin, { seller_customer_id: A.id })
      expect((await bid(api, own, A.headers, { amount: 5 })).data.code).toBe("self_bid")

      await api.post("/admin/bidder-blocks", { customer_id: B.id, reason: "chargebacks" }, { headers: admin })
      const blocked = await bid(api, own, B.headers, { amount: 5 })
      expect(blocked.status).toBe(400)
      expect(blocked.data.code).toBe("bidder_blocked")
      await api.delete(`/admin/bidder-blocks/${B.id}`, { headers: admin })
      expect((await bid(api, own, B.headers, { amount: 5 })).status).toBe(200)

      const cancelled = await createLot(api, admin)
      await api.post(`/admin/auctions/${cancelled}/cancel`, {}, { headers: admin })
      expect((await bid(api, cancelled, A.headers, { amount: 5 })).data.code).toBe("auction_closed")
    })

    it("should require a logged-in customer and a known lot", async () => {
      const id = await createLot(api, admin)
      const anonymous = await bid(api, id, { "x-publishable-api-key": buyers[0].headers["x-publishable-api-key"] }, { amount: 5 })
      expect(anonymous.status).toBe(401)
      const unknown = await bid(api, "auc_missing", buyers[0].headers, { amount: 5 })
      expect(unknown.status).toBe(404)
      expect(unknown.data.code).toBe("not_found")
    })

    it.each([
      ["a string amount", { amount: "ten" }],
      ["a negative amount", { amount: -5 }],
      ["zero", { amount: 0 }],
      ["an absurd amount", { amount: 1e12 }],
      ["three decimals", { amount: 5.001 }],
      ["two kinds at once", { amount: 5, max_amount: 9 }],
      ["no amount at all", {}],
      ["an unknown field", { amount: 5, price: 5 }],
      ["buy_now false", { buy_now: false }],
      ["a short idempotency key", { amount: 5, idempotency_key: "k" }],
    ])("should answer %s with 400 invalid_data and write nothing", async (_name, body) => {
      const id = await createLot(api, admin)
      const before = await lotState(id)
      const res = await bid(api, id, buyers[0].headers, body)
      expect(res.status).toBe(400)
      expect(res.data.type).toBe("invalid_data")
      const after = await lotState(id)
      expect(after).toEqual({ ...before })
      const history = await api.get(`/store/auctions/${id}/bids`, { headers: buyers[0].headers })
      expect(history.data.count).toBe(0)
    })
  })

  describe("GET /store/auctions", () => {
    it("should list visible lots by show and status, never drafts", async () => {
      const [first, second] = [await createShow(api, admin), await createShow(api, admin)]
      const live = await createLot(api, admin, { show_id: first })
      await createLot(api, admin, { show_id: first }, { start: false })
      await createLot(api, admin, { show_id: second })
      const res = await api.get(`/store/auctions?show_id=${first}`, { headers: buyers[0].headers })
      expect(res.data.auctions.map((a: any) => a.id)).toEqual([live])
      const byStatus = await api.get("/store/auctions?status=live", { headers: buyers[0].headers })
      expect(byStatus.data.count).toBe(2)
      const bad = await api.get("/store/auctions?status=bogus", { headers: buyers[0].headers }).catch((e: { response: unknown }) => e.response as { status: number })
      expect(bad.status).toBe(400)
      const draftView = await api.get(`/store/auctions/${live}X`, { headers: buyers[0].headers }).catch((e: { response: unknown }) => e.response as { status: number })
      expect(draftView.status).toBe(404)
    })
  })
}
