import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import jwt from "jsonwebtoken"
import { adminUser, createBuyers, createSeller, createVariant, type Buyer, type Seller } from "../../helpers/actors"
import { bid, createLot, createShow } from "../../helpers/auctions"
import { attempt, QUICK_LOT, waitFor } from "../../helpers/checkout"

type Res = { status: number; data: any }

/**
 * Sellers (issue #13): an admin user with a seller profile reaches only their own shows, lots,
 * bids and offers (another seller's answer 404, as if they did not exist); staff reach all.
 */
export function sellersSuite({ api, getContainer }: MedusaSuiteOptions): void {
  let staff: Record<string, string>
  let staffId: string
  let a: Seller
  let b: Seller
  let buyer: Buyer

  beforeEach(async () => {
    const user = await adminUser(getContainer(), api)
    staff = user.headers
    staffId = user.user_id
    a = await createSeller(getContainer(), api, staff)
    b = await createSeller(getContainer(), api, staff)
    ;[buyer] = await createBuyers(getContainer(), 1)
  })

  const get = (url: string, headers: Record<string, string>): Promise<Res> => attempt(api.get(url, { headers }))
  const post = (url: string, body: unknown, headers: Record<string, string>): Promise<Res> => attempt(api.post(url, body, { headers }))
  const variant = async () => (await createVariant(getContainer())).variant_id
  const lineupLot = (product_variant_id: string, extra: Record<string, unknown> = {}) => ({
    product_variant_id,
    starting_price: 10,
    currency_code: "usd",
    duration_seconds: 30,
    ...extra,
  })

  describe("GET /admin/live/me", () => {
    it("should say who is calling: a seller with their profile, or staff", async () => {
      const me = await get("/admin/live/me", a.headers)
      expect(me.data).toEqual({
        user_id: a.user_id,
        role: "seller",
        seller: expect.objectContaining({ id: a.seller_id, user_id: a.user_id, handle: a.handle, avatar_url: null, bio: null }),
      })
      expect((await get("/admin/live/me", staff)).data).toEqual({ user_id: staffId, role: "staff", seller: null })
    })
  })

  describe("/admin/sellers", () => {
    it("should let staff list, search, create and edit sellers, with unique handles", async () => {
      const list = await get("/admin/sellers?limit=10", staff)
      expect(list.status).toBe(200)
      expect(list.data.sellers.map((s: any) => s.id).sort()).toEqual([a.seller_id, b.seller_id].sort())
      expect(list.data).toMatchObject({ count: 2, offset: 0, limit: 10 })
      const found = await get(`/admin/sellers?q=${encodeURIComponent(a.handle)}`, staff)
      expect(found.data.sellers.map((s: any) => s.id)).toEqual([a.seller_id])

      const taken = await post(`/admin/sellers/${b.seller_id}`, { handle: a.handle }, staff)
      expect(taken).toMatchObject({ status: 400, data: { code: "handle_taken" } })
      const user = await adminUser(getContainer(), api)
      const again = await post("/admin/sellers", { user_id: user.user_id, handle: a.handle, display_name: "Copycat" }, staff)
      expect(again).toMatchObject({ status: 400, data: { code: "handle_taken" } })
      const second = await post("/admin/sellers", { user_id: a.user_id, handle: "second-profile", display_name: "Twice" }, staff)
      expect(second).toMatchObject({ status: 400, data: { code: "seller_exists" } })
      const nobody = await post("/admin/sellers", { user_id: "user_missing", handle: "nobody", display_name: "Nobody" }, staff)
      expect(nobody).toMatchObject({ status: 400, data: { code: "seller_not_found" } })
      const badHandle = await post("/admin/sellers", { user_id: user.user_id, handle: "Not A Slug", display_name: "X" }, staff)
      expect(badHandle.status).toBe(400)

      const made = await post("/admin/sellers", { user_id: user.user_id, handle: "new-seller", display_name: "New" }, staff)
      expect(made.data.seller).toMatchObject({ id: expect.stringMatching(/^sel_/), user_id: user.user_id, handle: "new-seller" })
      const withUser = await get(`/admin/sellers/${made.data.seller.id}?fields=+user.email`, staff)
      expect(withUser.data.seller.user.email).toMatch(/@test\.local$/)
    })

    it("should let a seller read and edit only their own profile", async () => {
      expect((await get(`/admin/sellers/${a.seller_id}`, a.headers)).status).toBe(200)
      const edited = await post(`/admin/sellers/${a.seller_id}`, { bio: "Vintage cards", avatar_url: "https://img.example.com/a.png" }, a.headers)
      expect(edited.data.seller).toMatchObject({ bio: "Vintage cards", avatar_url: "https://img.example.com/a.png", handle: a.handle })
      // Keeping one's own handle is not "taken".
      expect((await post(`/admin/sellers/${a.seller_id}`, { handle: a.handle }, a.headers)).status).toBe(200)

      expect((await get(`/admin/sellers/${b.seller_id}`, a.headers)).status).toBe(404)
      expect((await post(`/admin/sellers/${b.seller_id}`, { bio: "hijacked" }, a.headers)).status).toBe(404)
      expect((await get("/admin/sellers", a.headers))).toMatchObject({ status: 403, data: { code: "staff_only" } })
      expect((await post("/admin/sellers", { user_id: a.user_id, handle: "x-y", display_name: "X" }, a.headers)).status).toBe(403)
    })
  })

  describe("scoping shows and lots", () => {
    it("should keep seller B out of seller A's show and lots (404), and lists to their own", async () => {
      const show = await createShow(api, a.headers, { seller_id: undefined })
      expect((await get(`/admin/shows/${show}`, a.headers)).data.show.seller_id).toBe(a.user_id)
      const lot = (await post("/admin/auctions", { title: "A's lot", currency_code: "usd", starting_price: 5, show_id: show }, a.headers)).data.auction
      expect(lot).toMatchObject({ seller_id: a.user_id, show_id: show, position: 0 })
      const bShow = await createShow(api, b.headers)
      const bLot = await createLot(api, b.headers, {}, { start: false })

      for (const [method, url, body] of [
        ["GET", `/admin/shows/${show}`],
        ["POST", `/admin/shows/${show}`, { title: "Mine now" }],
        ["POST", `/admin/shows/${show}/go-live`, {}],
        ["POST", `/admin/shows/${show}/cancel`, {}],
        ["GET", `/admin/shows/${show}/lineup`],
        ["POST", `/admin/shows/${show}/next-lot`, {}],
        ["GET", `/admin/auctions/${lot.id}`],
        ["POST", `/admin/auctions/${lot.id}`, { title: "Mine now" }],
        ["POST", `/admin/auctions/${lot.id}/start`, {}],
        ["POST", `/admin/auctions/${lot.id}/cancel`, {}],
        ["GET", `/admin/auctions/${lot.id}/bids`],
      ] as [string, string, unknown?][]) {
        const res = method === "GET" ? await get(url, b.headers) : await post(url, body, b.headers)
        expect({ method, url, status: res.status }).toEqual({ method, url, status: 404 })
      }
      // Nothing changed.
      expect((await get(`/admin/shows/${show}`, a.headers)).data.show).toMatchObject({ title: "Friday breaks", status: "scheduled" })
      expect((await get(`/admin/auctions/${lot.id}`, a.headers)).data.auction).toMatchObject({ title: "A's lot", status: "draft" })

      // A lot in another seller's show is refused as if the show were not there; so is moving one there.
      const intoA = await post("/admin/auctions", { title: "Sneaky", currency_code: "usd", starting_price: 5, show_id: show }, b.headers)
      expect(intoA.status).toBe(404)
      expect((await post(`/admin/auctions/${bLot}`, { show_id: show }, b.headers)).status).toBe(404)
      // Naming another seller on one's own show is refused.
      expect((await post(`/admin/shows/${bShow}`, { seller_id: a.user_id }, b.headers))).toMatchObject({ status: 400, data: { code: "other_seller" } })
      expect((await post("/admin/auctions", { title: "x", currency_code: "usd", starting_price: 5, seller_id: a.user_id }, b.headers)).data).toMatchObject({ code: "other_seller" })

      const ids = (res: Res, key: string) => res.data[key].map((r: any) => r.id)
      expect(ids(await get("/admin/shows", a.headers), "shows")).toEqual([show])
      expect(ids(await get("/admin/shows", b.headers), "shows")).toEqual([bShow])
      // A seller asking for another seller's records still gets only their own.
      expect(ids(await get(`/admin/shows?seller_id=${a.user_id}`, b.headers), "shows")).toEqual([bShow])
      expect(ids(await get("/admin/auctions", a.headers), "auctions")).toEqual([lot.id])
      expect(ids(await get(`/admin/auctions?seller_id=${a.user_id}`, b.headers), "auctions")).toEqual([bLot])

      // Staff see both, and filter by seller.
      expect(ids(await get("/admin/shows", staff), "shows").sort()).toEqual([show, bShow].sort())
      expect(ids(await get(`/admin/auctions?seller_id=${b.user_id}`, staff), "auctions")).toEqual([bLot])
      expect((await get(`/admin/auctions/${lot.id}`, staff)).status).toBe(200)
      expect((await post(`/admin/shows/${show}`, { title: "Staff edit" }, staff)).status).toBe(200)
    })

    it("should show a seller the bids on their lots without maxes, and staff everything", async () => {
      const lot = await createLot(api, a.headers)
      const other = await createLot(api, b.headers)
      expect((await bid(api, lot, buyer.headers, { max_amount: 50 })).status).toBe(200)
      expect((await bid(api, other, buyer.headers, { amount: 7 })).status).toBe(200)

      const staffBids = await get(`/admin/bids?customer_id=${buyer.id}`, staff)
      expect(staffBids.data.bids.map((x: any) => [x.auction_id, x.kind, x.amount])).toEqual([
        [other, "straight", 7],
        [lot, "max", 50],
      ])
      const aBids = await get(`/admin/bids?customer_id=${buyer.id}&fields=+auction.title`, a.headers)
      expect(aBids.data.bids.map((x: any) => [x.auction_id, x.kind, x.amount, x.auction.title])).toEqual([[lot, "max", null, "Holo card"]])
      expect(aBids.data.count).toBe(1)
      expect((await get(`/admin/auctions/${lot}`, a.headers)).data.auction).toMatchObject({ leader_customer_id: buyer.id, leader_max: null })
      expect((await get(`/admin/auctions/${lot}`, staff)).data.auction.leader_max).toBe(50)
      expect((await get(`/admin/auctions/${lot}/bids`, a.headers)).data.bids[0].amount).toBeNull()

      expect((await get(`/admin/auctions?winner_id=${buyer.id}`, staff)).data.auctions).toEqual([])
      const lotOffers = await get(`/admin/lot-offers?customer_id=${buyer.id}&status=pending`, a.headers)
      expect(lotOffers.data).toMatchObject({ lot_offers: [], count: 0 })
    })

    it("should list a sold lot's offers to its seller only, by customer, status and order", async () => {
      const lot = await createLot(api, a.headers, { ...QUICK_LOT })
      expect((await bid(api, lot, buyer.headers, { amount: 9 })).status).toBe(200)
      const offers = (headers: Record<string, string>, query: string) =>
        get(`/admin/lot-offers?${query}`, headers).then((r) => r.data.lot_offers as any[])
      const [offer] = await waitFor("the winner's offer", async () => {
        const found = await offers(staff, `auction_id=${lot}`)
        return found.length ? found : null
      })
      expect(offer).toMatchObject({ auction_id: lot, seller_id: a.user_id, customer_id: buyer.id, status: "pending" })
      expect((await offers(a.headers, `customer_id=${buyer.id}&status=pending`)).map((o) => o.id)).toEqual([offer.id])
      expect(await offers(b.headers, `customer_id=${buyer.id}`)).toEqual([])
      expect((await offers(staff, `seller_id=${a.user_id}`)).map((o) => o.id)).toEqual([offer.id])
      expect(await offers(staff, "order_id=order_missing")).toEqual([])
      expect((await get(`/admin/auctions?winner_id=${buyer.id}`, a.headers)).data.auctions.map((l: any) => l.id)).toEqual([lot])
      expect((await get(`/admin/auctions?winner_id=${buyer.id}`, b.headers)).data.auctions).toEqual([])
    })

    it("should filter lots by product, and bidder blocks by customer", async () => {
      const { product_id, variant_id } = await createVariant(getContainer())
      const lot = await createLot(api, a.headers, { product_variant_id: variant_id }, { start: false })
      await createLot(api, a.headers, {}, { start: false })
      expect((await get(`/admin/auctions?product_id=${product_id}`, a.headers)).data.auctions.map((l: any) => l.id)).toEqual([lot])
      expect((await get(`/admin/auctions?product_id=${product_id}`, b.headers)).data.auctions).toEqual([])
      expect((await get("/admin/auctions?product_id=prod_missing", staff)).data).toMatchObject({ auctions: [], count: 0 })

      expect((await post("/admin/bidder-blocks", { customer_id: buyer.id }, a.headers))).toMatchObject({ status: 403, data: { code: "staff_only" } })
      expect((await post("/admin/bidder-blocks", { customer_id: buyer.id, reason: "chargeback" }, staff)).status).toBe(200)
      const blocks = await get(`/admin/bidder-blocks?customer_id=${buyer.id}`, a.headers)
      expect(blocks.data.bidder_blocks).toEqual([expect.objectContaining({ customer_id: buyer.id, reason: "chargeback" })])
    })

    it("should make a lot in a show its seller's when staff create it, and move it with the show", async () => {
      const show = await createShow(api, staff, { seller_id: a.user_id })
      const lot = (await post("/admin/auctions", { title: "By staff", currency_code: "usd", starting_price: 5, show_id: show }, staff)).data.auction
      expect(lot.seller_id).toBe(a.user_id)
      expect((await get(`/admin/auctions/${lot.id}`, a.headers)).status).toBe(200)
      const platform = (await post("/admin/auctions", { title: "Platform", currency_code: "usd", starting_price: 5 }, staff)).data.auction
      expect(platform.seller_id).toBeNull()
      expect((await get(`/admin/auctions/${platform.id}`, a.headers)).status).toBe(404)

      // Staff give the show to seller B: its lots go with it.
      expect((await post(`/admin/shows/${show}`, { seller_id: b.user_id }, staff)).status).toBe(200)
      expect((await get(`/admin/auctions/${lot.id}`, b.headers)).data.auction.seller_id).toBe(b.user_id)
      expect((await get(`/admin/auctions/${lot.id}`, a.headers)).status).toBe(404)
      expect((await get(`/admin/shows/${show}`, a.headers)).status).toBe(404)
    })
  })

  describe("the lineup", () => {
    it("should append draft lots with default titles, reorder them, and start them in order", async () => {
      const show = await createShow(api, a.headers)
      const v1 = await variant()
      const v2 = await variant()
      const added = await post(`/admin/shows/${show}/lineup`, { lots: [lineupLot(v1), lineupLot(v2, { title: "Second", soft_close_seconds: 10 })] }, a.headers)
      expect(added.status).toBe(200)
      expect(added.data.lots).toMatchObject([
        { title: "Charizard holo – PSA 9", position: 0, status: "draft", seller_id: a.user_id, show_id: show, product_variant_id: v1 },
        { title: "Second", position: 1, status: "draft", soft_close_seconds: 10 },
      ])
      const more = await post(`/admin/shows/${show}/lineup`, { lots: [lineupLot(v1)] }, a.headers)
      expect(more.data.lots.map((l: any) => l.position)).toEqual([0, 1, 2])
      const [first, second, third] = more.data.lots.map((l: any) => l.id)

      // Refusals: not exactly the unfinished lots.
      for (const auction_ids of [[first, second], [first, second, third, third], [first, second, "auc_other"]]) {
        const res = await post(`/admin/shows/${show}/lineup/reorder`, { auction_ids }, a.headers)
        expect(res).toMatchObject({ status: 400, data: { code: "lineup_mismatch" } })
      }
      const reordered = await post(`/admin/shows/${show}/lineup/reorder`, { auction_ids: [third, first, second] }, a.headers)
      expect(reordered.data.lots.map((l: any) => l.id)).toEqual([third, first, second])
      expect((await get(`/admin/shows/${show}/lineup`, a.headers)).data.lots.map((l: any) => l.id)).toEqual([third, first, second])

      expect(await post(`/admin/shows/${show}/next-lot`, {}, a.headers)).toMatchObject({ status: 400, data: { code: "show_not_live" } })
      await post(`/admin/shows/${show}/go-live`, {}, a.headers)
      // Five presses of "next lot" at once: one lot starts, the others hear a lot is in progress.
      const presses = await Promise.all(Array.from({ length: 5 }, () => post(`/admin/shows/${show}/next-lot`, {}, a.headers)))
      const started = presses.filter((r) => r.status === 200)
      expect(started).toHaveLength(1)
      expect(started[0].data.auction).toMatchObject({ id: third, status: "live", ends_at: expect.any(String) })
      expect(presses.filter((r) => r.status === 400).map((r) => r.data.code)).toEqual(Array(4).fill("lot_in_progress"))
      const lineupNow = (await get(`/admin/shows/${show}/lineup`, a.headers)).data.lots
      expect(lineupNow.map((l: any) => l.status)).toEqual(["live", "draft", "draft"])
      expect(await post(`/admin/shows/${show}/next-lot`, {}, a.headers)).toMatchObject({ status: 400, data: { code: "lot_in_progress" } })

      // The running lot is still unfinished: a reorder names it too; a finished one stays first.
      await post(`/admin/auctions/${third}/cancel`, {}, a.headers)
      expect(await post(`/admin/shows/${show}/lineup/reorder`, { auction_ids: [third, second, first] }, a.headers)).toMatchObject({
        status: 400,
        data: { code: "lineup_mismatch" },
      })
      const after = await post(`/admin/shows/${show}/lineup/reorder`, { auction_ids: [second, first] }, a.headers)
      expect(after.data.lots.map((l: any) => [l.id, l.position])).toEqual([
        [third, 0],
        [second, 1],
        [first, 2],
      ])
      expect((await post(`/admin/shows/${show}/next-lot`, {}, a.headers)).data.auction.id).toBe(second)
      await post(`/admin/auctions/${second}/cancel`, {}, a.headers)
      expect((await post(`/admin/shows/${show}/next-lot`, {}, a.headers)).data.auction.id).toBe(first)
      await post(`/admin/auctions/${first}/cancel`, {}, a.headers)
      expect(await post(`/admin/shows/${show}/next-lot`, {}, a.headers)).toMatchObject({ status: 400, data: { code: "lineup_empty" } })
    })

    it("should refuse lineup lots without a variant or with an unknown one, creating nothing", async () => {
      const show = await createShow(api, a.headers)
      expect((await post(`/admin/shows/${show}/lineup`, { lots: [{ starting_price: 5, currency_code: "usd" }] }, a.headers)).status).toBe(400)
      expect((await post(`/admin/shows/${show}/lineup`, { lots: [] }, a.headers)).status).toBe(400)
      expect((await post(`/admin/shows/${show}/lineup`, { lots: [lineupLot("variant_missing")] }, a.headers)).status).toBe(404)
      expect((await get(`/admin/shows/${show}/lineup`, a.headers)).data.lots).toEqual([])
    })
  })

  describe("POST /admin/live/realtime-token", () => {
    it("should sign a 5-minute HS256 token for the sidecar, with the caller's role", async () => {
      const secret = getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.jwtSecret as string
      const before = Math.floor(Date.now() / 1000)
      const res = await post("/admin/live/realtime-token", {}, a.headers)
      expect(res.data).toEqual({ token: expect.any(String), expires_at: expect.any(String), realtime_url: expect.stringMatching(/^https?:\/\//) })
      const claims = jwt.verify(res.data.token, secret, { algorithms: ["HS256"] }) as jwt.JwtPayload
      expect(claims).toMatchObject({ actor_type: "user", actor_id: a.user_id, live_role: "seller" })
      expect(claims.exp! - before).toBeGreaterThanOrEqual(299)
      expect(claims.exp! - before).toBeLessThanOrEqual(301)
      expect(new Date(res.data.expires_at).getTime()).toBe(claims.exp! * 1000)
      expect(jwt.decode(res.data.token, { complete: true })!.header.alg).toBe("HS256")

      const staffToken = jwt.verify((await post("/admin/live/realtime-token", {}, staff)).data.token, secret) as jwt.JwtPayload
      expect(staffToken).toMatchObject({ actor_type: "user", actor_id: staffId, live_role: "staff" })
    })
  })
}
