import type { MedusaContainer } from "@medusajs/framework/types"
import { seedDemo } from "../../scripts/seed/seed-demo"
import type { Api } from "./auctions"

export { waitFor } from "./wait"

/** The demo shop (region with the system payment provider, $8 shipping, published products). */
export async function demoShop(container: MedusaContainer, api: Api) {
  const seeded = await seedDemo(container)
  const store = { "x-publishable-api-key": seeded.publishable_key }
  const { data } = await api.get("/store/products?fields=id,title,*variants", { headers: store })
  const variantIds: string[] = data.products.map((p: { variants: { id: string }[] }) => p.variants[0].id)
  return { store, variantIds }
}

/** A request whose 4xx comes back as the response instead of throwing. */
export function attempt<T extends { status: number; data: any }>(request: Promise<T>): Promise<T> {
  return request.catch((e: { response?: T }) => {
    if (!e.response) {
      throw e
    }
    return e.response
  })
}

export const ADDRESS = {
  first_name: "Ada",
  last_name: "Buyer",
  address_1: "1 Main St",
  city: "Springfield",
  country_code: "us",
  postal_code: "12345",
}

/** Lots that close in 5 s with no soft close, so a test controls exactly who wins. */
export const QUICK_LOT = { duration_seconds: 5, soft_close_seconds: 0 }

/** The storefront's first checkout steps: address, then the cheapest shipping option. */
export async function addressAndShipping(api: Api, cartId: string, headers: Record<string, string>) {
  await api.post(`/store/carts/${cartId}`, { shipping_address: ADDRESS, billing_address: ADDRESS }, { headers })
  const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, { headers })
  await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: options.shipping_options[0].id }, { headers })
}

/** A payment collection for the cart and a session with `provider_id`; returns the session. */
export async function openPaymentSession(api: Api, cartId: string, headers: Record<string, string>, provider_id: string) {
  const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers })
  const { data } = await api.post(
    `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
    { provider_id },
    { headers }
  )
  return data.payment_collection.payment_sessions[0] as { id: string; data: Record<string, any> }
}

/** The whole checkout through the Store API: address, shipping, a payment session, complete. */
export async function checkout(api: Api, cartId: string, headers: Record<string, string>, provider_id = "pp_system_default") {
  await addressAndShipping(api, cartId, headers)
  await openPaymentSession(api, cartId, headers, provider_id)
  return attempt(api.post(`/store/carts/${cartId}/complete`, {}, { headers }))
}
