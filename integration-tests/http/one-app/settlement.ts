import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { runSettlement, settleOnce } from "../../../src/lib/settlement/run-settlement"
import { adminHeaders, createBuyers, type Buyer } from "../../helpers/actors"
import { adminLot as fetchAdminLot, bid, createLot, createShow, lotOffers, sleep } from "../../helpers/auctions"
import { attempt, checkout, demoShop, QUICK_LOT, waitFor } from "../../helpers/checkout"

export function settlementSuite({ api, getContainer, dbConnection }: MedusaSuiteOptions): void {
  let admin: Record<string, string>
  let store: Record<string, string>
  let variantIds: string[]
  let buyers: Buyer[]

  beforeEach(async () => {
    ;({ store, variantIds } = await demoShop(getContainer(), api))
    admin = await adminHeaders(getContainer(), api)
    buyers = await createBuyers(getContainer(), 3, store)
  })

  const adminLot = (id: string) => fetchAdminLot(api, admin, id)
  const offersOf = (auctionId: string) => lotOffers(api, admin, auctionId)
  const myOffers = async (buyer: Buyer) =>
    (await api.get("/store/customers/me/lot-offers", { headers: buyer.headers })).data.lot_offers as any[]
  /** The cart as its buyer sees it, with `is_custom_price` (not in the Store API's fields) from Query. */
  const cartOf = async (cartId: string, buyer: Buyer) => {
    const { cart } = (await api.get(`/store/carts/${cartId}`, { headers: buyer.headers })).data
    const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "cart", fields: ["items.id", "items.is_custom_price"], filters: { id: cartId } })
    for (const item of cart.items) {
      item.is_custom_price = data[0].items.find((i: any) => i.id === item.id).is_custom_price
    }
    return cart
  }

  /** The buyer's pending offer for a lot, once its cart is made. */
  const offerWithCart = (buyer: Buyer, auctionId: string) =>
    waitFor(`a cart for ${auctionId}`, async () =>
      (await myOffers(buyer)).find((o) => o.auction_id === auctionId && o.status === "pending" && o.cart_id)
    )

  describe("from hammer to order", () => {
    it("should put the won lot in the winner's cart at the hammer price, and mark it paid when the order is placed", async () => {
      const [A, B] = buyers
      const id = await createLot(api, admin, { ...QUICK_LOT, product_variant_id: variantIds[0] })
      expect((await bid(api, id, A.headers, { max_amount: 40 })).status).toBe(200)
      expect((await bid(api, id, B.headers, { amount: 20 })).status).toBe(200)

      const offer = await offerWithCart(A, id)
      const lot = await adminLot(id)
      expect(lot).toMatchObject({ status: "sold", winner_customer_id: A.id, settlement_status: "awaiting_payment" })
      expect(offer).toMatchObject({ rank: 0, amount: 21, currency_code: "usd" })
      expect(Number(lot.hammer_price)).toBe(21)
      expect(new Date(offer.due_at).getTime() - Date.now()).toBeGreaterThan(23 * 3600_000) // the 24 h default

      const cart = await cartOf(offer.cart_id, A)
      expect(cart.customer_id).toBe(A.id)
      expect(cart.items).toHaveLength(1)
      expect(cart.items[0]).toMatchObject({
        variant_id: variantIds[0],
        quantity: 1,
        unit_price: 21,
        is_custom_price: true,
        metadata: { auction_id: id, lot_offer_id: offer.id },
      })
      // The loser has nothing to pay.
      expect(await myOffers(B)).toEqual([])

      const completed = await checkout(api, offer.cart_id, A.headers)
      expect(completed.status).toBe(200)
      expect(completed.data.type).toBe("order")
      const order = completed.data.order
      expect(order.items[0]).toMatchObject({ unit_price: 21, quantity: 1 })
      expect(order.total).toBe(21 + 8) // the lot plus the demo shipping; no tax in the demo region

      const paid = await waitFor("the lot to be paid", async () => {
        const l = await adminLot(id)
        return l.settlement_status === "paid" && l
      })
      expect(paid.order_id).toBe(order.id)
      expect(await offersOf(id)).toEqual([expect.objectContaining({ status: "paid", order_id: order.id, customer_id: A.id })])
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "auction", fields: ["id", "order.id", "order.email"], filters: { id } })
      expect(data[0].order).toMatchObject({ id: order.id })

      // Completing again (a retried request) returns the same order; nothing changes.
      const again = await attempt(api.post(`/store/carts/${offer.cart_id}/complete`, {}, { headers: A.headers }))
      expect(again.data.order?.id).toBe(order.id)
      expect(await offersOf(id)).toHaveLength(1)
    })

    it("should bundle one buyer's wins in one show into one cart, even when the lots close together", async () => {
      const [A] = buyers
      const show_id = await createShow(api, admin)
      const first = await createLot(api, admin, { ...QUICK_LOT, show_id, product_variant_id: variantIds[0] })
      const second = await createLot(api, admin, { ...QUICK_LOT, show_id, product_variant_id: variantIds[1] })
      const custom = await createLot(api, admin, { ...QUICK_LOT, show_id, title: "Mystery pack" }) // no variant
      await Promise.all([
        bid(api, first, A.headers, { amount: 10 }),
        bid(api, second, A.headers, { amount: 12 }),
        bid(api, custom, A.headers, { amount: 7 }),
      ])
      const [o1, o2, o3] = [await offerWithCart(A, first), await offerWithCart(A, second), await offerWithCart(A, custom)]
      expect(new Set([o1.cart_id, o2.cart_id, o3.cart_id]).size).toBe(1)
      const cart = await cartOf(o1.cart_id, A)
      expect(cart.items.map((i: any) => [i.metadata.auction_id, i.unit_price, i.is_custom_price]).sort()).toEqual(
        [
          [first, 10, true],
          [second, 12, true],
          [custom, 7, true],
        ].sort()
      )
      expect(cart.items.find((i: any) => i.metadata.auction_id === custom)).toMatchObject({ title: "Mystery pack", variant_id: null })

      // A lot in no show is a separate cart; so is a win after the bundle became an order.
      const solo = await createLot(api, admin, { ...QUICK_LOT, product_variant_id: variantIds[2] })
      await bid(api, solo, A.headers, { amount: 5 })
      expect((await offerWithCart(A, solo)).cart_id).not.toBe(o1.cart_id)
      expect((await checkout(api, o1.cart_id, A.headers)).data.type).toBe("order")
      const late = await createLot(api, admin, { ...QUICK_LOT, show_id, product_variant_id: variantIds[3] })
      await bid(api, late, A.headers, { amount: 5 })
      expect((await offerWithCart(A, late)).cart_id).not.toBe(o1.cart_id)
    })

    it("should refuse changing a won line's price or quantity, removing it, or adding a lot one did not win", async () => {
      const [A, B] = buyers
      const id = await createLot(api, admin, { ...QUICK_LOT, product_variant_id: variantIds[0] })
      await bid(api, id, A.headers, { amount: 9 })
      const offer = await offerWithCart(A, id)
      const line = (await cartOf(offer.cart_id, A)).items[0]

      const qty = await attempt(
        api.post(`/store/carts/${offer.cart_id}/line-items/${line.id}`, { quantity: 2 }, { headers: A.headers })
      )
      expect(qty.status).toBe(400)
      expect(qty.data.code).toBe("lot_line_locked")
      const meta = await attempt(
        api.post(`/store/carts/${offer.cart_id}/line-items/${line.id}`, { quantity: 1, metadata: {} }, { headers: A.headers })
      )
      expect(meta.data.code).toBe("lot_line_locked")
      const removed = await attempt(api.delete(`/store/carts/${offer.cart_id}/line-items/${line.id}`, { headers: A.headers }))
      expect(removed.status).toBe(400)
      expect(removed.data.code).toBe("lot_line_locked")

      // Claiming the lot by metadata, in one's own cart or a new one, at the variant's list price.
      const claim = { variant_id: variantIds[0], quantity: 1, metadata: { auction_id: id, lot_offer_id: offer.id } }
      const twice = await attempt(api.post(`/store/carts/${offer.cart_id}/line-items`, claim, { headers: A.headers }))
      expect(twice.status).toBe(400)
      expect(["lot_line_locked", "lot_not_won"]).toContain(twice.data.code)
      const stolen = await attempt(api.post("/store/carts", { items: [claim] }, { headers: B.headers }))
      expect(stolen.status).toBe(400)
      expect(stolen.data.code).toBe("lot_not_won")
      const { data: own } = await api.post("/store/carts", {}, { headers: B.headers })
      const smuggled = await attempt(api.post(`/store/carts/${own.cart.id}/line-items`, claim, { headers: B.headers }))
      expect(smuggled.data.code).toBe("lot_not_won")

      // Ordinary shopping in the same cart still works.
      const extra = await attempt(
        api.post(`/store/carts/${offer.cart_id}/line-items`, { variant_id: variantIds[1], quantity: 1 }, { headers: A.headers })
      )
      expect(extra.status).toBe(200)
      const cart = await cartOf(offer.cart_id, A)
      expect(cart.items.find((i: any) => i.id === line.id)).toMatchObject({ quantity: 1, unit_price: 9 })
    })

    it("should keep a won lot's cart in its region and with its buyer, and check its lots again at checkout", async () => {
      const [A, B] = buyers
      const id = await createLot(api, admin, { ...QUICK_LOT, product_variant_id: variantIds[0] })
      await bid(api, id, A.headers, { amount: 9 })
      const offer = await offerWithCart(A, id)

      // A new region deletes custom-price lines in Medusa (the currency may change): refused.
      const { data } = await api.post("/admin/regions", { name: "Euro", currency_code: "eur" }, { headers: admin })
      const moved = await attempt(api.post(`/store/carts/${offer.cart_id}`, { region_id: data.region.id }, { headers: A.headers }))
      expect(moved.status).toBe(400)
      expect(moved.data.code).toBe("lot_line_locked")
      // Medusa hands a cart to whoever logs in and asks for it: not one with a won lot.
      const taken = await attempt(api.post(`/store/carts/${offer.cart_id}/customer`, {}, { headers: B.headers }))
      expect(taken.status).toBe(400)
      expect(taken.data.code).toBe("lot_not_won")
      const edited = await attempt(api.post(`/store/carts/${offer.cart_id}`, { metadata: { gift: true } }, { headers: A.headers }))
      expect(edited.status).toBe(200) // the rest of the cart is the buyer's to edit
      const cart = await cartOf(offer.cart_id, A)
      expect(cart.customer_id).toBe(A.id)
      expect(cart.region_id).not.toBe(data.region.id)
      expect(cart.items).toEqual([expect.objectContaining({ unit_price: 9, metadata: expect.objectContaining({ lot_offer_id: offer.id }) })])

      // The offer is someone else's now (as a runner-up's would be) while the line is still here.
      await dbConnection.raw("update live_lot_offer set customer_id = ? where id = ?", [B.id, offer.id])
      const paid = await checkout(api, offer.cart_id, A.headers)
      expect(paid.status).toBe(400)
      expect(paid.data.code).toBe("lot_not_won")
    })
  })

  describe("where a lot checks out", () => {
    it("should refuse a lot whose region or sales channel does not exist or whose region sells another currency", async () => {
      const count = async () => (await api.get("/admin/auctions", { headers: admin })).data.count
      const before = await count()
      const { data } = await api.get("/admin/regions", { headers: admin })
      const usd = data.regions[0].id
      const create = (extra: Record<string, unknown>) =>
        attempt(api.post("/admin/auctions", { title: "Lot", currency_code: "usd", starting_price: 5, ...extra }, { headers: admin }))
      expect((await create({ region_id: "reg_missing" })).status).toBe(404)
      const eur = await create({ region_id: usd, currency_code: "eur" })
      expect(eur.status).toBe(400)
      expect(eur.data.message).toMatch(/sells in USD, the lot in EUR/)
      expect((await create({ sales_channel_id: "sc_missing" })).status).toBe(404)
      expect((await create({ payment_window_seconds: 5 })).status).toBe(400)
      expect(await count()).toBe(before)
      expect((await create({ region_id: usd, payment_window_seconds: 600, runner_up_depth: 3 })).data.auction).toMatchObject({
        region_id: usd,
        payment_window_seconds: 600,
        runner_up_depth: 3,
      })
    })
  })

  describe("payment deadline", () => {
    it("should offer the lot to the runner-up at their own highest bid when the winner does not pay, and block the winner", async () => {
      const [A, B, C] = buyers
      const id = await createLot(api, admin, {
        ...QUICK_LOT,
        product_variant_id: variantIds[0],
        payment_window_seconds: 10,
        runner_up_depth: 1,
      })
      await bid(api, id, C.headers, { amount: 10 })
      await bid(api, id, B.headers, { max_amount: 25 })
      await bid(api, id, A.headers, { max_amount: 60 }) // wins at 26
      const first = await offerWithCart(A, id)
      expect(first.amount).toBe(26)
      const other = await createLot(api, admin, { duration_seconds: 120 })

      // (Between the deadline and the settlement pass, bids are refused with payment_overdue:
      // the module spec shows that without a clock race.)
      await sleep(new Date(first.due_at).getTime() - Date.now() + 200)
      await runSettlement(getContainer())
      const second = await offerWithCart(B, id)
      expect(second).toMatchObject({ rank: 1, amount: 25, status: "pending" })
      const cart = await cartOf(second.cart_id, B)
      expect(cart.items[0]).toMatchObject({ unit_price: 25, is_custom_price: true, metadata: { lot_offer_id: second.id } })
      expect((await cartOf(first.cart_id, A)).items).toEqual([]) // the lapsed line left A's cart
      expect(await adminLot(id)).toMatchObject({ settlement_status: "offered_to_runner_up" })
      expect((await myOffers(A))[0]).toMatchObject({ status: "expired" })

      // Forfeiting blocks A from bidding until staff lift it.
      const blocked = await bid(api, other, A.headers, { amount: 5 })
      expect(blocked.data.code).toBe("bidder_blocked")
      const late = await checkout(api, first.cart_id, A.headers)
      expect(late.status).toBe(400) // an empty cart: the lot is gone

      // B lets it lapse too; with a depth of 1, C is not asked: the lot is forfeited.
      await sleep(new Date(second.due_at).getTime() - Date.now() + 200)
      await runSettlement(getContainer())
      expect(await adminLot(id)).toMatchObject({ settlement_status: "forfeited" })
      expect((await offersOf(id)).map((o) => [o.rank, o.customer_id, o.status]).sort()).toEqual([
        [0, A.id, "expired"],
        [1, B.id, "expired"],
      ])
      expect(await myOffers(C)).toEqual([])
      // Staff see both lapses in the Admin's notification feed.
      const feed = await waitFor("the admin notifications", async () => {
        const all = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" })
        const lapsed = all.filter((n: any) => n.data?.title === "Lot payment lapsed")
        return lapsed.length >= 2 && lapsed
      })
      expect(feed.map((n: any) => n.data.description).sort()).toEqual([
        expect.stringMatching(/did not pay 25 USD .* No runner-up is left/),
        expect.stringMatching(/did not pay 26 USD .* offered to the runner-up/),
      ])

      // The seller re-runs it: a fresh lot, bidding from scratch.
      const rerun = await api.post(`/admin/auctions/${id}/rerun`, {}, { headers: admin })
      expect(rerun.data.auction).toMatchObject({ status: "draft", run: 2, settlement_status: null, winner_customer_id: null })
    })

    it("should let a buyer who pays in time keep the lot, and emit each settlement event once", async () => {
      const seen: { name: string; data: any }[] = []
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      for (const name of ["live_auction.payment_due", "live_auction.paid", "live_auction.payment_reminder"]) {
        eventBus.subscribe(name, async ({ name: n, data }: any) => {
          seen.push({ name: n, data })
        })
      }
      const [A] = buyers
      // Due in 58 min: already inside the default reminder (1 h before the deadline).
      const id = await createLot(api, admin, { ...QUICK_LOT, product_variant_id: variantIds[0], payment_window_seconds: 3500 })
      await bid(api, id, A.headers, { amount: 15 })
      const offer = await offerWithCart(A, id)
      // Settlement passes at once, as several processes would run them: one reminder.
      await Promise.all([settleOnce(getContainer()), settleOnce(getContainer()), settleOnce(getContainer())])
      await waitFor("the reminder", async () => seen.some((e) => e.name === "live_auction.payment_reminder"))
      const completed = await checkout(api, offer.cart_id, A.headers)
      expect(completed.data.type).toBe("order")
      await waitFor("the paid event", async () => seen.some((e) => e.name === "live_auction.paid"))
      await Promise.all([settleOnce(getContainer()), settleOnce(getContainer())])
      await sleep(300) // let any late event arrive
      const mine = seen.filter((e) => e.data.auction_id === id)
      expect(mine.map((e) => e.name)).toEqual([
        "live_auction.payment_due",
        "live_auction.payment_reminder",
        "live_auction.paid",
      ])
      expect(mine[1].data).toMatchObject({ id: offer.id, cart_id: offer.cart_id, due_at: offer.due_at })
      expect(mine[2].data).toMatchObject({ id: offer.id, customer_id: A.id, amount: 15, order_id: completed.data.order.id })
      expect(await adminLot(id)).toMatchObject({ settlement_status: "paid" })
    })

    it("should take a lapsed lot out of the cart on a later pass when the process stopped right after the lapse", async () => {
      const [A] = buyers
      const id = await createLot(api, admin, { ...QUICK_LOT, product_variant_id: variantIds[0], runner_up_depth: 0 })
      await bid(api, id, A.headers, { amount: 11 })
      const offer = await offerWithCart(A, id)
      expect((await cartOf(offer.cart_id, A)).items).toHaveLength(1)
      // The lapse committed, then the process died before the line left the cart.
      await dbConnection.raw("update live_lot_offer set status = 'expired', closed_at = now() where id = ?", [offer.id])
      await settleOnce(getContainer())
      expect((await cartOf(offer.cart_id, A)).items).toEqual([])
      const { rows } = await dbConnection.raw("select line_cleared_at from live_lot_offer where id = ?", [offer.id])
      expect(rows[0].line_cleared_at).not.toBeNull()
    })

    it("should let the seller re-run a sold but unpaid lot, taking it out of the winner's cart", async () => {
      const [A] = buyers
      const id = await createLot(api, admin, { ...QUICK_LOT, product_variant_id: variantIds[0] })
      await bid(api, id, A.headers, { amount: 11 })
      const offer = await offerWithCart(A, id)
      const rerun = await api.post(`/admin/auctions/${id}/rerun`, {}, { headers: admin })
      expect(rerun.data.auction).toMatchObject({ status: "draft", run: 2, settlement_status: null })
      expect((await myOffers(A))[0]).toMatchObject({ id: offer.id, status: "cancelled" })
      expect((await cartOf(offer.cart_id, A)).items).toEqual([])
      const rows = await dbConnection.raw("select count(*)::int as n from live_bidder_block where customer_id = ?", [A.id])
      expect(rows.rows[0].n).toBe(0) // a re-run is the seller's choice: the buyer is not penalised
    })
  })
}
