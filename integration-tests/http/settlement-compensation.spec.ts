import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { AUCTIONS_MODULE } from "../../src/modules/auctions"
import type AuctionsModuleService from "../../src/modules/auctions/service"
import { chargeLotCartWorkflow, expireLotOfferWorkflow } from "../../src/workflows/settlement/workflows"
import { adminHeaders, createBuyers, type Buyer } from "../helpers/actors"
import { bid, createLot } from "../helpers/auctions"
import { ADDRESS, demoShop, openPaymentSession, QUICK_LOT, waitFor } from "../helpers/checkout"
import { FakeStripe } from "../helpers/fake-stripe"

jest.setTimeout(240_000)

/**
 * Issue #14: money moves only inside compensating workflows. A failure is injected after each
 * step of the off-session charge and of the offer's lapse (Medusa's `insertActionAfter` on a run of
 * the workflow, `throwOnError: false`), and Stripe (a local server speaking its API) refuses
 * at the worst moment. Afterwards: no authorized payment without an order, the cart as it was,
 * the offer ready for the next pass, which succeeds, and nothing charged twice.
 *
 * The app runs in `server` mode (no settlement loop) with automatic charging off: the close
 * subscriber makes the winner's offer and cart, and no charge or lapse races the runs driven here.
 */
const { stripe, port: stripePort } = FakeStripe.forApp({
  WORKER_MODE: "server",
  // Settlement still runs when a lot sells (the close subscriber) but charges nothing: the test does.
  LIVE_AUTO_CHARGE: "false",
})

const PROVIDER = "pp_stripe_stripe"

/**
 * Where a failure is injected in the charge (the step's action; Medusa names a nested workflow's
 * step `<workflow id>-as-step`), and whether the card had been charged by then.
 */
const CHARGE_FAILURES: { after: string; charged: boolean }[] = [
  { after: "live-claim-cart-charge-step", charged: false },
  { after: "live-validate-cart-lot-lines-step", charged: false },
  { after: "update-cart-as-step", charged: false },
  { after: "add-shipping-method-to-cart-as-step", charged: false },
  { after: "create-payment-collection-for-cart-as-step", charged: false },
  { after: "create-payment-sessions-as-step", charged: true },
  { after: "live-assert-charge-authorized-step", charged: true },
  { after: "complete-cart-as-step", charged: true },
]

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
      buyers = await createBuyers(getContainer(), 2, store)
    })

    const container = (): MedusaContainer => getContainer()
    const auctions = (): AuctionsModuleService => container().resolve(AUCTIONS_MODULE)
    const query = () => container().resolve(ContainerRegistrationKeys.QUERY)

    async function offerRow(auctionId: string, rank = 0) {
      const [offer] = await auctions().listLotOffers({ auction_id: auctionId, rank })
      return offer as any
    }

    /** The buyer saved a card in an earlier Stripe checkout. */
    async function saveCard(buyer: Buyer, paymentMethod = "pm_card_visa") {
      const { data } = await api.post("/store/carts", { items: [{ variant_id: variantIds[3], quantity: 1 }] }, { headers: buyer.headers })
      await openPaymentSession(api, data.cart.id, buyer.headers, PROVIDER)
      const { data: customers } = await query().graph({ entity: "customer", fields: ["account_holders.*"], filters: { id: buyer.id } })
      const stripeCustomer = customers[0].account_holders.find((h: any) => h?.provider_id === PROVIDER).external_id
      stripe.attachPaymentMethod(stripeCustomer, paymentMethod)
      return stripeCustomer as string
    }

    /**
     * A cart of won lots with no address yet (the buyer had none when it was made), and a default
     * address now: the charge sets it, and a failed charge must take it off again.
     */
    async function wonLotToCharge(buyer: Buyer) {
      const won = await wonLot([[buyer, 15]])
      await api.post("/store/customers/me/addresses", { ...ADDRESS, is_default_shipping: true }, { headers: buyer.headers })
      return won
    }

    /** A lot won by `bids[0]`'s buyer (the others are runner-ups), closed, with its winner's offer in a cart. */
    async function wonLot(bids: [Buyer, number][]) {
      const id = await createLot(api, admin, { ...QUICK_LOT, product_variant_id: variantIds[0] })
      for (const [buyer, amount] of [...bids].reverse()) {
        expect((await bid(api, id, buyer.headers, { amount })).status).toBe(200)
      }
      // The start armed its close timer; the close subscriber makes the offer and the cart.
      const offer = await waitFor("the winner's cart", async () => (await offerRow(id))?.cart_id && offerRow(id), 60_000)
      expect((await auctions().listAuctions({ id }))[0].status).toBe("sold")
      return { id, offer }
    }

    async function cartState(cartId: string) {
      const { data } = await query().graph({
        entity: "cart",
        fields: ["id", "completed_at", "shipping_address.id", "shipping_methods.id", "payment_collection.payment_sessions.id"],
        filters: { id: cartId },
      })
      const { data: orders } = await query().graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
      const cart = data[0]
      return {
        completed: !!cart.completed_at,
        address: !!cart.shipping_address?.id,
        shipping_methods: cart.shipping_methods?.length ?? 0,
        payment_sessions: cart.payment_collection?.payment_sessions?.length ?? 0,
        orders: orders.length,
      }
    }

    /** The buyer's off-session PaymentIntents by status: money held is `requires_capture`. */
    const intentsOf = (stripeCustomer: string) =>
      [...stripe.intents.values()].filter((i) => i.customer === stripeCustomer && i.off_session).map((i) => i.status)

    function chargeRun(failAfter?: string) {
      const workflow = chargeLotCartWorkflow(container())
      if (failAfter) {
        workflow.insertActionAfter(failAfter, "live-injected-failure", {
          invoke: async () => {
            throw new Error(`injected failure after ${failAfter}`)
          },
        })
      }
      return workflow
    }

    describe("charging a won cart off-session", () => {
      it.each(CHARGE_FAILURES)(
        "should undo everything when the run fails after $after, and charge once on the next pass",
        async ({ after, charged }) => {
          const [A] = buyers
          const stripeCustomer = await saveCard(A)
          const { id, offer } = await wonLotToCharge(A)
          const before = await cartState(offer.cart_id)
          expect(before).toEqual({ completed: false, address: false, shipping_methods: 0, payment_sessions: 0, orders: 0 })

          const { errors } = await chargeRun(after).run({
            input: { cart_id: offer.cart_id, provider_id: PROVIDER },
            throwOnError: false,
          })
          expect(errors[0]?.error?.message).toBe(`injected failure after ${after}`)

          // No money held without an order; the cart exactly as the buyer left it; the claim given back.
          expect(intentsOf(stripeCustomer)).toEqual(charged ? ["canceled"] : [])
          expect(await cartState(offer.cart_id)).toEqual(before)
          expect(await offerRow(id)).toMatchObject({ status: "pending", charge_status: null, charge_attempts: 1, order_id: null })

          // The next pass charges it, once.
          const { result } = await chargeRun().run({ input: { cart_id: offer.cart_id, provider_id: PROVIDER } })
          expect(result.order_id).toMatch(/^order_/)
          expect(await offerRow(id)).toMatchObject({ status: "paid", charge_status: "succeeded", charge_attempts: 2, order_id: result.order_id })
          expect(intentsOf(stripeCustomer).sort()).toEqual(charged ? ["canceled", "requires_capture"] : ["requires_capture"])
          expect(await cartState(offer.cart_id)).toMatchObject({ completed: true, orders: 1 })

          // And no pass after that charges anything.
          const again = await chargeRun().run({ input: { cart_id: offer.cart_id, provider_id: PROVIDER } })
          expect(again.result).toEqual({ offer_ids: [], refusal: null, order_id: null })
          expect(intentsOf(stripeCustomer)).toHaveLength(charged ? 2 : 1)
        }
      )

      it("should cancel the authorization when Stripe refuses it at completion, and give up after the retry also fails", async () => {
        const [A] = buyers
        const stripeCustomer = await saveCard(A)
        const { id, offer } = await wonLotToCharge(A)
        const before = await cartState(offer.cart_id)

        for (const attempt of [1, 2]) {
          // Medusa's completion asks Stripe for the intent's state, and Stripe answers with a refusal.
          stripe.failNext("GET", /^\/v1\/payment_intents\/pi_/)
          const { errors } = await chargeRun().run({ input: { cart_id: offer.cart_id, provider_id: PROVIDER }, throwOnError: false })
          expect(errors.length).toBeGreaterThan(0)
          expect(intentsOf(stripeCustomer)).toEqual(Array(attempt).fill("canceled"))
          expect(await cartState(offer.cart_id)).toEqual(before)
          expect(await offerRow(id)).toMatchObject({ status: "pending", charge_status: null, charge_attempts: attempt })
        }

        // Two attempts used: the scheduler gives the cart up (the buyer pays at checkout), and no run claims it again.
        expect(await auctions().giveUpCartCharge(offer.cart_id, "refused twice")).toHaveLength(1)
        expect(await offerRow(id)).toMatchObject({ status: "pending", charge_status: "failed", charge_error: "refused twice" })
        const after = await chargeRun().run({ input: { cart_id: offer.cart_id, provider_id: PROVIDER } })
        expect(after.result.offer_ids).toEqual([])
        expect(intentsOf(stripeCustomer)).toEqual(["canceled", "canceled"])
      })

      it("should record a declined card once, cancel nothing it did not create, and never charge it again", async () => {
        const [A] = buyers
        const stripeCustomer = await saveCard(A, "pm_card_chargeDeclined")
        const { id, offer } = await wonLotToCharge(A)
        const before = await cartState(offer.cart_id)

        const { errors } = await chargeRun().run({ input: { cart_id: offer.cart_id, provider_id: PROVIDER }, throwOnError: false })
        expect(errors.length).toBeGreaterThan(0)
        expect(await offerRow(id)).toMatchObject({ status: "pending", charge_status: "declined", charge_error: "Your card was declined." })
        expect(await cartState(offer.cart_id)).toEqual(before)
        expect(intentsOf(stripeCustomer).every((s) => s !== "requires_capture")).toBe(true)

        const again = await chargeRun().run({ input: { cart_id: offer.cart_id, provider_id: PROVIDER } })
        expect(again.result.offer_ids).toEqual([])
        expect([...stripe.intents.values()].filter((i) => i.customer === stripeCustomer && i.confirmations > 0)).toHaveLength(1)
      })
    })

    describe("lapsing an unpaid offer", () => {
      async function overdue(auctionId: string) {
        const offer = await offerRow(auctionId)
        await auctions().updateLotOffers({ id: offer.id, due_at: new Date(Date.now() - 1000) })
        return offer
      }

      it.each(["live-expire-offer-step", "live-acquire-cart-lock"])(
        "should put everything back when the lapse fails after %s, and lapse it once on the next pass",
        async (after) => {
          const [A, B] = buyers
          const { id } = await wonLot([
            [A, 20],
            [B, 12],
          ])
          const offer = await overdue(id)
          const lotBefore = (await auctions().listAuctions({ id }))[0]

          const failing = expireLotOfferWorkflow(container())
          failing.insertActionAfter(after, "live-injected-failure", {
            invoke: async () => {
              throw new Error("injected failure")
            },
          })
          const { errors } = await failing.run({ input: { offer_id: offer.id, cart_id: offer.cart_id }, throwOnError: false })
          expect(errors[0]?.error?.message).toBe("injected failure")

          // As if nothing happened: the winner's offer pending, no block, no runner-up offer, the lot's state as it was.
          expect(await offerRow(id)).toMatchObject({ id: offer.id, status: "pending", closed_at: null })
          expect(await auctions().listBidderBlocks({ customer_id: A.id })).toHaveLength(0)
          expect(await auctions().listLotOffers({ auction_id: id })).toHaveLength(1)
          expect((await auctions().listAuctions({ id }))[0].settlement_status).toBe(lotBefore.settlement_status)

          // The next pass lapses it, once: the winner blocked, the runner-up offered the lot at their bid.
          const { result } = await expireLotOfferWorkflow(container()).run({ input: { offer_id: offer.id, cart_id: offer.cart_id } })
          expect(result).toEqual({ paid: false, lapsed: true })
          expect(await offerRow(id)).toMatchObject({ status: "expired" })
          expect(await offerRow(id, 1)).toMatchObject({ customer_id: B.id, status: "pending", amount: 12 })
          expect(await auctions().listBidderBlocks({ customer_id: A.id })).toHaveLength(1)
          const again = await expireLotOfferWorkflow(container()).run({ input: { offer_id: offer.id, cart_id: offer.cart_id } })
          expect(again.result).toEqual({ paid: false, lapsed: false })
          expect(await auctions().listLotOffers({ auction_id: id })).toHaveLength(2)
        }
      )
    })
  },
})
