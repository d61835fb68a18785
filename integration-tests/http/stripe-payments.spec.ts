import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { settleOnce } from "../../src/lib/settlement/run-settlement"
import { adminHeaders, createBuyers, type Buyer } from "../helpers/actors"
import { adminLot as fetchAdminLot, bid, createLot, createShow, lotOffers, sleep } from "../helpers/auctions"
import {
  ADDRESS,
  addressAndShipping,
  attempt,
  demoShop,
  openPaymentSession,
  QUICK_LOT,
  waitFor,
} from "../helpers/checkout"
import { FakeStripe } from "../helpers/fake-stripe"

jest.setTimeout(180_000)

/**
 * Medusa's Stripe provider (@medusajs/payment-stripe, pointed at a local server that speaks
 * the Stripe API) and Medusa's own webhook route.
 */
const { stripe, port: stripePort } = FakeStripe.forApp({ PAYMENT_WEBHOOK_DELAY_MS: "100" })

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Record<string, string>
    let variantIds: string[]
    let buyers: Buyer[]

    beforeAll(async () => {
      await stripe.listen(stripePort)
    })
    afterAll(async () => {
      await stripe.close()
    })

    beforeEach(async () => {
      let store: Record<string, string>
      ;({ store, variantIds } = await demoShop(getContainer(), api))
      admin = await adminHeaders(getContainer(), api)
      buyers = await createBuyers(getContainer(), 3, store)
    })

    const adminLot = (id: string) => fetchAdminLot(api, admin, id)
    const offerOf = async (auctionId: string) => (await lotOffers(api, admin, auctionId))[0]
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)

    /** The buyer's Stripe customer (Medusa's account holder), made by their first Stripe payment session. */
    async function stripeCustomerOf(buyer: Buyer): Promise<string | undefined> {
      const { data } = await query().graph({ entity: "customer", fields: ["account_holders.*"], filters: { id: buyer.id } })
      return data[0]?.account_holders?.find((h: any) => h?.provider_id === "pp_stripe_stripe")?.external_id
    }

    /** A payment session for the cart with Stripe, as the storefront opens it; returns its PaymentIntent id. */
    const openStripeSession = async (cartId: string, buyer: Buyer) =>
      (await openPaymentSession(api, cartId, buyer.headers, "pp_stripe_stripe")).data.id as string

    /**
     * The buyer saved `paymentMethod` in an earlier Stripe checkout (Stripe.js attached it to
     * their Stripe customer) and has a default address.
     */
    async function saveCard(buyer: Buyer, paymentMethod: string) {
      const { data } = await api.post(
        "/store/carts",
        { items: [{ variant_id: variantIds[3], quantity: 1 }] },
        { headers: buyer.headers }
      )
      await openStripeSession(data.cart.id, buyer)
      const customerId = await stripeCustomerOf(buyer)
      expect(customerId).toMatch(/^cus_/)
      stripe.attachPaymentMethod(customerId!, paymentMethod)
      await api.post("/store/customers/me/addresses", { ...ADDRESS, is_default_shipping: true }, { headers: buyer.headers })
    }

    /** The storefront's Stripe checkout up to Stripe.js's confirmation (the buyer enters a card). */
    async function payOnSession(cartId: string, buyer: Buyer): Promise<string> {
      await addressAndShipping(api, cartId, buyer.headers)
      const intentId = await openStripeSession(cartId, buyer)
      stripe.authorizeOnSession(intentId)
      return intentId
    }

    const wonLot = async (buyer: Buyer, amount: number, variant = variantIds[0]) => {
      const id = await createLot(api, admin, { ...QUICK_LOT, product_variant_id: variant })
      expect((await bid(api, id, buyer.headers, { amount })).status).toBe(200)
      return id
    }

    const ordersOfCart = async (cartId: string) =>
      (await query().graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })).data

    it("should charge a saved card off-session when the lot is won, once, and mark the lot paid", async () => {
      const [A] = buyers
      await saveCard(A, "pm_card_visa")
      const id = await wonLot(A, 15)

      const paid = await waitFor("the off-session charge", async () => {
        const lot = await adminLot(id)
        return lot.settlement_status === "paid" && lot
      }, 30_000)
      const offer = await offerOf(id)
      expect(offer).toMatchObject({ status: "paid", charge_status: "succeeded", order_id: paid.order_id })

      const charges = [...stripe.intents.values()].filter((i) => i.off_session)
      expect(charges).toHaveLength(1)
      expect(charges[0]).toMatchObject({
        amount: (15 + 8) * 100, // the lot and the demo shipping, in cents
        currency: "usd",
        payment_method: "pm_card_visa",
        customer: await stripeCustomerOf(A),
        status: "requires_capture", // authorized now, captured when the seller ships (Medusa's default)
        confirmations: 1,
      })
      const { data: orders } = await query().graph({
        entity: "order",
        fields: ["id", "total", "payment_collections.status", "payment_collections.payments.amount"],
        filters: { id: paid.order_id },
      })
      expect(Number(orders[0].total)).toBe(23)
      expect(orders[0].payment_collections[0].status).toBe("authorized")

      // More settlement passes, several at once (as several processes would): nothing more is charged.
      await Promise.all([settleOnce(getContainer()), settleOnce(getContainer()), settleOnce(getContainer())])
      expect([...stripe.intents.values()].filter((i) => i.confirmations > 0 && i.customer === charges[0].customer)).toHaveLength(1)
      expect(await ordersOfCart(offer.cart_id)).toHaveLength(1)
    })

    it("should charge a show's wins together, once the show has no lot left to run", async () => {
      const [A] = buyers
      await saveCard(A, "pm_card_visa")
      const show_id = await createShow(api, admin)
      const first = await createLot(api, admin, { ...QUICK_LOT, show_id, product_variant_id: variantIds[0] })
      const second = await createLot(api, admin, { ...QUICK_LOT, show_id, product_variant_id: variantIds[1] })
      const coming = await createLot(api, admin, { show_id, scheduled_at: new Date(Date.now() + 3600_000).toISOString() }, { start: false })
      await bid(api, first, A.headers, { amount: 10 })
      await bid(api, second, A.headers, { amount: 20 })
      const [o1, o2] = await waitFor("both lots in one cart", async () => {
        const offers = [await offerOf(first), await offerOf(second)]
        return offers.every((o) => o?.cart_id) && offers
      })
      expect(o1.cart_id).toBe(o2.cart_id)
      const customer = await stripeCustomerOf(A)
      const chargesOfA = () => [...stripe.intents.values()].filter((i) => i.off_session && i.customer === customer)

      // The show still has a lot to run: no charge yet, whatever the settlement passes.
      await settleOnce(getContainer())
      expect(chargesOfA()).toEqual([])
      expect((await offerOf(first)).charge_status).toBeNull()

      // The show is over: several passes at once (several processes) charge the bundle once.
      await api.post(`/admin/auctions/${coming}/cancel`, {}, { headers: admin })
      await Promise.all([settleOnce(getContainer()), settleOnce(getContainer()), settleOnce(getContainer())])
      await waitFor("both lots paid", async () =>
        (await adminLot(first)).settlement_status === "paid" && (await adminLot(second)).settlement_status === "paid"
      )
      expect(chargesOfA()).toEqual([expect.objectContaining({ amount: (10 + 20 + 8) * 100, confirmations: 1 })])
      const [p1, p2] = [await offerOf(first), await offerOf(second)]
      expect(p1.order_id).toBe(p2.order_id)
      expect(await ordersOfCart(o1.cart_id)).toEqual([{ order_id: p1.order_id }])
    })

    it("should fall back to checkout when the saved card is declined or needs the buyer, and tell the storefront", async () => {
      const failures: any[] = []
      getContainer()
        .resolve(Modules.EVENT_BUS)
        .subscribe("live_auction.charge_failed", async ({ data }: any) => {
          failures.push(data)
        })
      const [A, B] = buyers
      await saveCard(A, "pm_card_chargeDeclined")
      await saveCard(B, "pm_card_authenticationRequired")
      const declinedLot = await wonLot(A, 12)
      const authLot = await wonLot(B, 14, variantIds[1])

      const declined = await waitFor("the declined charge", async () => {
        const o = await offerOf(declinedLot)
        return o?.charge_status && o.charge_status !== "processing" && o
      }, 30_000)
      const needsBuyer = await waitFor("the charge needing authentication", async () => {
        const o = await offerOf(authLot)
        return o?.charge_status && o.charge_status !== "processing" && o
      }, 30_000)
      expect(declined).toMatchObject({ status: "pending", charge_status: "declined", charge_error: "Your card was declined." })
      expect(needsBuyer).toMatchObject({ status: "pending", charge_status: "action_required" })
      expect(await adminLot(declinedLot)).toMatchObject({ settlement_status: "awaiting_payment" })
      await waitFor("the charge_failed events", async () => failures.length >= 2)
      expect(failures.map((f) => [f.auction_id, f.charge_status]).sort()).toEqual(
        [
          [declinedLot, "declined"],
          [authLot, "action_required"],
        ].sort()
      )

      const feed = await waitFor("the admin notifications", async () => {
        const all = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" })
        const failed = all.filter((n: any) => n.data?.title === "Lot charge failed")
        return failed.length >= 2 && failed
      })
      expect(feed.map((n: any) => n.data.description).join("\n")).toMatch(/Your card was declined/)

      // Each buyer pays at checkout instead, on the page, with Stripe.
      for (const [buyer, offer] of [[A, declined], [B, needsBuyer]] as const) {
        await payOnSession(offer.cart_id, buyer)
        const completed = await attempt(api.post(`/store/carts/${offer.cart_id}/complete`, {}, { headers: buyer.headers }))
        expect(completed.data.type).toBe("order")
      }
      await waitFor("both lots paid", async () =>
        (await adminLot(declinedLot)).settlement_status === "paid" && (await adminLot(authLot)).settlement_status === "paid"
      )
      // The failed attempts were one confirmation each: never retried behind the buyer's back.
      await settleOnce(getContainer())
      const theirs = [await stripeCustomerOf(A), await stripeCustomerOf(B)]
      const offSession = [...stripe.intents.values()].filter((i) => i.off_session && theirs.includes(i.customer!))
      expect(offSession.map((i) => [i.payment_method, i.confirmations]).sort()).toEqual([
        ["pm_card_authenticationRequired", 1],
        ["pm_card_chargeDeclined", 1],
      ])
    })

    it("should complete checkout from Stripe's signed webhook exactly once, and refuse a bad signature", async () => {
      const [C] = buyers // no saved card: C pays on the page, then closes the tab before completing
      const id = await wonLot(C, 18)
      const offer = await waitFor("C's cart", async () => {
        const o = await offerOf(id)
        return o?.cart_id && o
      })
      const intentId = await payOnSession(offer.cart_id, C)
      const intent = stripe.intents.get(intentId)!

      const forged = stripe.signedEvent("payment_intent.amount_capturable_updated", intent, "whsec_not_the_secret")
      const refused = await attempt(api.post("/hooks/payment/stripe_stripe", forged.payload, { headers: forged.headers }))
      expect(refused.status).toBe(400)
      expect(refused.data.code).toBe("invalid_webhook")
      const tampered = stripe.signedEvent("payment_intent.amount_capturable_updated", intent)
      const altered = tampered.payload.replace(`"amount":${intent.amount}`, `"amount":1`)
      expect((await attempt(api.post("/hooks/payment/stripe_stripe", altered, { headers: tampered.headers }))).status).toBe(400)
      await sleep(1000)
      expect(await ordersOfCart(offer.cart_id)).toHaveLength(0)
      expect(await adminLot(id)).toMatchObject({ settlement_status: "awaiting_payment" })

      // Stripe delivers the event, retries it, and the storefront's own late completion races them.
      const event = stripe.signedEvent("payment_intent.amount_capturable_updated", intent)
      const deliveries = await Promise.all([
        attempt(api.post("/hooks/payment/stripe_stripe", event.payload, { headers: event.headers })),
        attempt(api.post("/hooks/payment/stripe_stripe", event.payload, { headers: event.headers })),
        attempt(api.post("/hooks/payment/stripe_stripe", event.payload, { headers: event.headers })),
      ])
      expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200])
      const paid = await waitFor("the webhook to complete the cart", async () => {
        const lot = await adminLot(id)
        return lot.settlement_status === "paid" && lot
      }, 30_000)
      const late = await attempt(api.post(`/store/carts/${offer.cart_id}/complete`, {}, { headers: C.headers }))
      expect(late.data.order?.id).toBe(paid.order_id)
      await sleep(1000) // let every delivery finish
      expect(await ordersOfCart(offer.cart_id)).toEqual([{ order_id: paid.order_id }])
      expect(stripe.intents.get(intentId)).toMatchObject({ confirmations: 1, captures: 0 })
      expect(await offerOf(id)).toMatchObject({ status: "paid", order_id: paid.order_id })
    })
  },
})
