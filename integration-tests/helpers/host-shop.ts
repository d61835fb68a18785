import { randomUUID } from "node:crypto"
import { sleep } from "./auctions"

export type Reply = { status: number; data: any }
export type Call = (method: "GET" | "POST", path: string, body?: unknown, headers?: Record<string, string>) => Promise<Reply>

/** Plain HTTP to a running Medusa, answering every status (no throwing on 4xx). */
export function caller(base: string): Call {
  return async (method, path, body, headers = {}) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: method === "POST" ? JSON.stringify(body ?? {}) : undefined,
    })
    const text = await res.text()
    return { status: res.status, data: text ? JSON.parse(text) : null }
  }
}

async function ok(reply: Promise<Reply>, what: string): Promise<any> {
  const { status, data } = await reply
  if (status !== 200) {
    throw new Error(`${what}: ${status} ${JSON.stringify(data)}`)
  }
  return data
}

/**
 * What a shop needs before a lot can be won and paid, made through the host's Admin API: a USD
 * region with Medusa's system payment provider, a sales channel the storefront's key sells in, and
 * a published product in it (for ordinary shopping beside the lots).
 */
export async function seedHostShop(call: Call, admin: Record<string, string>, publishableKeyId: string) {
  const { sales_channel } = await ok(call("POST", "/admin/sales-channels", { name: "Host web" }, admin), "sales channel")
  const { region } = await ok(
    call(
      "POST",
      "/admin/regions",
      { name: "Host US", currency_code: "usd", countries: ["us"], payment_providers: ["pp_system_default"] },
      admin
    ),
    "region"
  )
  await ok(call("POST", `/admin/api-keys/${publishableKeyId}/sales-channels`, { add: [sales_channel.id] }, admin), "key's channel")
  const { product } = await ok(
    call(
      "POST",
      "/admin/products",
      {
        title: "Host tee",
        status: "published",
        options: [{ title: "Size", values: ["M"] }],
        variants: [{ title: "M", options: { Size: "M" }, manage_inventory: false, prices: [{ currency_code: "usd", amount: 10 }] }],
        sales_channels: [{ id: sales_channel.id }],
      },
      admin
    ),
    "product"
  )
  return {
    regionId: region.id as string,
    salesChannelId: sales_channel.id as string,
    productId: product.id as string,
    variantId: product.variants[0].id as string,
  }
}

/** A storefront customer signing up and logging in; returns headers for their Store requests. */
export async function signUp(call: Call, store: Record<string, string>, email: string) {
  const password = "host-buyer-password"
  const { token: registration } = await ok(call("POST", "/auth/customer/emailpass/register", { email, password }), "register")
  const { customer } = await ok(call("POST", "/store/customers", { email }, { ...store, authorization: `Bearer ${registration}` }), "customer")
  const { token } = await ok(call("POST", "/auth/customer/emailpass", { email, password }), "login")
  return { id: customer.id as string, headers: { ...store, authorization: `Bearer ${token}` } }
}

/** A lot started and bought at once by `buyer` (buy-now); resolves with their offer once its cart exists. */
export async function winLot(
  call: Call,
  admin: Record<string, string>,
  buyer: Record<string, string>,
  lot: Record<string, unknown>
) {
  const { auction } = await ok(call("POST", "/admin/auctions", { starting_price: 5, buy_now_price: 20, ...lot }, admin), "lot")
  await ok(call("POST", `/admin/auctions/${auction.id}/start`, {}, admin), "start")
  await ok(call("POST", `/store/auctions/${auction.id}/bids`, { buy_now: true, idempotency_key: randomUUID() }, buyer), "buy now")
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const { lot_offers } = await ok(call("GET", "/store/customers/me/lot-offers", undefined, buyer), "offers")
    const offer = lot_offers.find((o: { auction_id: string; cart_id: string | null }) => o.auction_id === auction.id && o.cart_id)
    if (offer) {
      return offer as { id: string; auction_id: string; cart_id: string; amount: number }
    }
    await sleep(250)
  }
  throw new Error(`no cart for lot ${auction.id} within 60 s`)
}
