import type { HttpTypes } from "@medusajs/types"
import type { StoreLotOffer, StoreLotOfferListResponse } from "medusa-plugin-live-commerce/store"
import { useEffect, useState, type FormEvent } from "react"
import { ProblemLine } from "../components/ProblemLine"
import { money } from "../format"
import { toProblem, type Problem } from "../medusa"
import { useSession } from "../session"

type Address = { first_name: string; last_name: string; address_1: string; city: string; postal_code: string; country_code: string }

/** Medusa's own payment provider, always on: no card, the order is placed as authorized. */
const PAYMENT_PROVIDER = "pp_system_default"
const OFFER_WAIT_MS = 60_000

/**
 * Paying for a won lot: the plugin put it in a Medusa cart at the hammer price
 * (`/store/customers/me/lot-offers` says which); the rest is Medusa's checkout through the JS
 * SDK: address, shipping method, payment collection and session, complete.
 */
export default function Checkout({ auctionId }: { auctionId: string }) {
  const { sdk, customer } = useSession()
  const [offer, setOffer] = useState<StoreLotOffer | null>(null)
  const [cart, setCart] = useState<HttpTypes.StoreCart | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)

  // The cart is made right after the hammer: wait for it.
  useEffect(() => {
    if (!customer) {
      return
    }
    let stopped = false
    const deadline = Date.now() + OFFER_WAIT_MS
    const poll = async () => {
      try {
        const { lot_offers } = await sdk.client.fetch<StoreLotOfferListResponse>("/store/customers/me/lot-offers", { query: { limit: 50 } })
        const found = lot_offers.find((o) => o.auction_id === auctionId && o.status !== "expired" && o.status !== "cancelled")
        if (found?.cart_id || found?.status === "paid") {
          setOffer(found)
          if (found.cart_id && found.status === "pending") {
            const { cart } = await sdk.store.cart.retrieve(found.cart_id)
            !stopped && setCart(cart)
          }
          return
        }
        if (Date.now() > deadline) {
          setProblem({ code: "no_offer", message: "No cart for this lot: did you win it?" })
          return
        }
        setTimeout(() => !stopped && void poll(), 1000)
      } catch (err) {
        setProblem(toProblem(err))
      }
    }
    void poll()
    return () => {
      stopped = true
    }
  }, [sdk, customer, auctionId])

  if (!customer) {
    return <p>Log in to pay for your lots.</p>
  }
  if (offer?.status === "paid") {
    return <p>This lot is paid.</p>
  }
  if (!cart || !offer) {
    return (
      <>
        {!problem && <p>Preparing your cart…</p>}
        <ProblemLine problem={problem} />
      </>
    )
  }
  return <CheckoutForm cart={cart} customer={customer} />
}

function CheckoutForm({ cart, customer }: { cart: HttpTypes.StoreCart; customer: HttpTypes.StoreCustomer }) {
  const { sdk } = useSession()
  const saved = customer.addresses?.[0]
  const [address, setAddress] = useState<Address>({
    first_name: saved?.first_name ?? customer.first_name ?? "",
    last_name: saved?.last_name ?? customer.last_name ?? "",
    address_1: saved?.address_1 ?? "1 Demo Street",
    city: saved?.city ?? "Austin",
    postal_code: saved?.postal_code ?? "78701",
    country_code: saved?.country_code ?? "us",
  })
  const [step, setStep] = useState<string | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [order, setOrder] = useState<HttpTypes.StoreOrder | null>(null)

  const placeOrder = async (e: FormEvent) => {
    e.preventDefault()
    setProblem(null)
    try {
      setStep("Saving your address…")
      await sdk.store.cart.update(cart.id, { email: customer.email, shipping_address: address, billing_address: address })
      setStep("Choosing shipping…")
      const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id })
      if (!shipping_options.length) {
        throw { code: "no_shipping", message: "No shipping option reaches this address." }
      }
      const { cart: shipped } = await sdk.store.cart.addShippingMethod(cart.id, { option_id: shipping_options[0].id })
      setStep("Opening the payment…")
      await sdk.store.payment.initiatePaymentSession(shipped, { provider_id: PAYMENT_PROVIDER })
      setStep("Placing the order…")
      const done = await sdk.store.cart.complete(cart.id)
      if (done.type === "cart") {
        throw { code: "not_completed", message: done.error.message }
      }
      setOrder(done.order)
    } catch (err) {
      setProblem(toProblem(err))
    } finally {
      setStep(null)
    }
  }

  if (order) {
    return (
      <section role="status">
        <h1>Order placed</h1>
        <p>
          Order <strong data-testid="order-number">#{order.display_id}</strong>, {money(order.total, order.currency_code)}.
        </p>
        <a href="#/">Back to the shows</a>
      </section>
    )
  }
  const field = (name: keyof Address, label: string) => (
    <label>
      {label}
      <input name={name} value={address[name]} onChange={(e) => setAddress({ ...address, [name]: e.target.value })} required />
    </label>
  )
  return (
    <form className="checkout" onSubmit={(e) => void placeOrder(e)}>
      <h1>Pay for your lot</h1>
      <ul className="lines">
        {cart.items?.map((item) => (
          <li key={item.id}>
            {item.title} <span data-testid="line-price">{money(item.unit_price, cart.currency_code)}</span>
          </li>
        ))}
      </ul>
      <p className="muted">Shipping is added at the next step; payment uses the store's test provider (no card).</p>
      <fieldset>
        <legend>Ship to</legend>
        {field("first_name", "First name")}
        {field("last_name", "Last name")}
        {field("address_1", "Address")}
        {field("city", "City")}
        {field("postal_code", "Postal code")}
        {field("country_code", "Country code")}
      </fieldset>
      <button type="submit" className="primary big" disabled={step !== null}>
        {step ?? "Place order"}
      </button>
      <ProblemLine problem={problem} />
    </form>
  )
}
