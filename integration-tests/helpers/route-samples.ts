import { randomUUID } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { generateEntityId, Modules } from "@medusajs/framework/utils"
import jwt from "jsonwebtoken"
import type { Caller, LiveRoute } from "../../src/api/utils/live-routes"
import { adminHeaders, adminUser, createBuyers, createSeller, createVariant, type Buyer, type Seller } from "./actors"
import { bid, createLot, createShow, LOT, type Api } from "./auctions"
import { LocalS3, TINY_PNG } from "./local-s3"
import { createPublishableKeyHeader } from "./publishable-key"

/** A well-formed request to one route: what the route table's `access` is about. */
export type Sample = {
  params?: Record<string, string>
  query?: Record<string, string | string[]>
  body?: Record<string, unknown>
}

/**
 * The callers of the authorization matrix, as headers. Customer A is the one the samples are
 * about (their bids), seller A the one whose shows and lots they name; B is another customer,
 * another seller; `forged` holds every kind of token that must not pass.
 */
export type Callers = {
  store: Record<string, string>
  customerA: Buyer
  customerB: Buyer
  sellerA: Seller
  sellerB: Seller
  headers: Record<Exclude<Caller, "forged">, Record<string, string>>
  forged: Record<string, Record<string, string>>
  noPublishableKey: Record<string, string>
}

export async function makeCallers(container: MedusaContainer, api: Api, area: "store" | "admin"): Promise<Callers> {
  // Independent records, made side by side (each admin user's password hashing is the slow part).
  const [store, staff] = await Promise.all([createPublishableKeyHeader(container), adminHeaders(container, api)])
  const [[customerA, customerB], sellerA, sellerB] = await Promise.all([
    createBuyers(container, 2, store),
    createSeller(container, api, staff),
    createSeller(container, api, staff),
  ])
  const secret = container.resolve("configModule").projectConfig.http.jwtSecret as string
  const key = area === "store" ? store : {}
  const bearer = (token: string) => ({ ...key, authorization: `Bearer ${token}` })
  const claimsA = { actor_id: customerA.id, actor_type: "customer", auth_identity_id: "", app_metadata: { customer_id: customerA.id } }
  const staffClaims = { actor_id: "user_forged", actor_type: "user", auth_identity_id: "", app_metadata: {} }
  return {
    store,
    customerA,
    customerB,
    sellerA,
    sellerB,
    headers: {
      anonymous: key,
      customer: bearer(customerA.token),
      other_customer: bearer(customerB.token),
      staff: { ...key, authorization: staff.authorization },
      seller: { ...key, authorization: sellerA.headers.authorization },
      other_seller: { ...key, authorization: sellerB.headers.authorization },
    },
    forged: {
      "customer token signed with another secret": bearer(jwt.sign(claimsA, "not-the-secret", { expiresIn: "1h" })),
      "expired customer token": bearer(jwt.sign({ ...claimsA, exp: Math.floor(Date.now() / 1000) - 60 }, secret)),
      "unsigned customer token (alg none)": bearer(jwt.sign(claimsA, "", { algorithm: "none" })),
      "staff token signed with another secret": bearer(jwt.sign(staffClaims, "not-the-secret", { expiresIn: "1h" })),
      "a token that is not a JWT": bearer("garbage.token.here"),
    },
    noPublishableKey: { authorization: `Bearer ${customerA.token}` },
  }
}

/**
 * Makes the resources a sample names, seller A's; every call makes fresh ones, so samples never
 * share state.
 */
export function fixtures(container: MedusaContainer, api: Api, callers: Callers) {
  const staff = { authorization: callers.headers.staff.authorization }
  const seller = callers.sellerA.headers
  const lot = (settings: Record<string, unknown> = {}, start = true) => createLot(api, seller, settings, { start })
  const fx = {
    api,
    /** Seller A's headers (the samples' resources are theirs). */
    seller,
    /** Seller A's profile. */
    sellerProfileId: callers.sellerA.seller_id,
    customerAId: callers.customerA.id,
    draftLot: () => lot({}, false),
    liveLot: () => lot(),
    /** A live lot customer A has bid on. */
    lotBidOnByA: async () => {
      const id = await lot()
      await bid(api, id, callers.customerA.headers, { max_amount: 20 })
      return id
    },
    cancelledLot: async () => {
      const id = await lot({}, false)
      await api.post(`/admin/auctions/${id}/cancel`, {}, { headers: seller })
      return id
    },
    scheduledShow: () => createShow(api, seller),
    /** A thumbnail stored under a key media-uploads would hand out for the show (the app's S3 is a LocalS3). */
    uploadedThumbnail: async (showId: string) => {
      const key = `shows/${showId}/thumbnail/${generateEntityId(undefined, "media")}.png`
      await LocalS3.fromEnv().put(key, TINY_PNG, "image/png")
      return key
    },
    liveShow: () => createShow(api, seller, {}, { live: true }),
    /** A live show of seller A with two draft lots of a product variant in its lineup. */
    liveShowWithLineup: async () => {
      const id = await createShow(api, seller, {}, { live: true })
      const variant = await fx.variant()
      const lots = [{ product_variant_id: variant, starting_price: 5, currency_code: "usd" }]
      await api.post(`/admin/shows/${id}/lineup`, { lots: [...lots, ...lots] }, { headers: seller })
      return id
    },
    /** A product with one variant (lineup lots sell catalog variants). */
    variant: async () => (await createVariant(container)).variant_id,
    /** An admin user who is not a seller yet. */
    adminUser: async () => (await adminUser(container, api)).user_id,
    customer: async () => (await container.resolve(Modules.CUSTOMER).createCustomers({ email: `${randomUUID()}@test.local` })).id,
    /**
     * A live show of seller A whose chat customer A moderates, with a question from customer B,
     * a show blocked word and B blocked by the seller (for the routes that lift them).
     */
    chatShow: async () => {
      const id = await createShow(api, seller, {}, { live: true })
      await api.post(`/admin/shows/${id}/chat/moderators`, { customer_id: callers.customerA.id }, { headers: seller })
      const { data } = await api.post(`/store/shows/${id}/chat/messages`, { text: "Is it graded?", kind: "question" }, {
        headers: callers.customerB.headers,
      })
      const word = await api.post(`/admin/shows/${id}/chat/blocked-words`, { word: "fake" }, { headers: seller })
      return { id, message_id: data.message.id as string, customer_b: callers.customerB.id, word_id: word.data.blocked_word.id as string }
    },
    platformWord: async () => (await api.post("/admin/blocked-chat-words", { word: `w${randomUUID().slice(0, 6)}` }, { headers: staff })).data.blocked_word.id as string,
    blockedCustomer: async () => {
      const id = (await container.resolve(Modules.CUSTOMER).createCustomers({ email: `${randomUUID()}@test.local` })).id
      await api.post("/admin/bidder-blocks", { customer_id: id }, { headers: staff })
      return id
    },
  }
  return fx
}

export type Fixtures = ReturnType<typeof fixtures>

/**
 * One well-formed request per route (by `METHOD path`). A route in the table without a sample
 * fails the suites that use them: a new route must say how it is called.
 */
export const SAMPLES: Record<string, (fx: Fixtures) => Promise<Sample>> = {
  "GET /store/auctions": async () => ({ query: { status: "live" } }),
  "GET /store/auctions/:id": async (fx) => ({ params: { id: await fx.lotBidOnByA() } }),
  "POST /store/auctions/:id/bids": async (fx) => ({
    params: { id: await fx.liveLot() },
    body: { amount: 5, idempotency_key: randomUUID() },
  }),
  "GET /store/auctions/:id/bids": async (fx) => ({ params: { id: await fx.lotBidOnByA() }, query: { limit: "10" } }),
  "GET /store/customers/me/bids": async (fx) => {
    await fx.lotBidOnByA()
    return { query: { limit: "10" } }
  },
  "GET /store/customers/me/lot-offers": async () => ({ query: { status: "pending" } }),
  "GET /store/live/config": async () => ({}),
  "GET /store/shows": async (fx) => {
    await fx.scheduledShow()
    return { query: { status: "scheduled" } }
  },
  "GET /store/shows/:id": async (fx) => ({ params: { id: await fx.scheduledShow() } }),
  // With LiveKit configured (the authorization matrix runs a fake one); without it, a 400 video_not_configured.
  "POST /store/shows/:id/viewer-token": async (fx) => ({ params: { id: await fx.liveShow() }, body: {} }),

  "GET /admin/auctions": async () => ({ query: { status: "live", limit: "5" } }),
  "POST /admin/auctions": async () => ({ body: { ...LOT, duration_seconds: 120 } }),
  "GET /admin/auctions/:id": async (fx) => ({ params: { id: await fx.lotBidOnByA() } }),
  "POST /admin/auctions/:id": async (fx) => ({ params: { id: await fx.draftLot() }, body: { title: "Renamed" } }),
  "POST /admin/auctions/:id/start": async (fx) => ({ params: { id: await fx.draftLot() }, body: {} }),
  "POST /admin/auctions/:id/cancel": async (fx) => ({ params: { id: await fx.liveLot() }, body: {} }),
  "POST /admin/auctions/:id/rerun": async (fx) => ({ params: { id: await fx.cancelledLot() }, body: {} }),
  "GET /admin/auctions/:id/bids": async (fx) => ({ params: { id: await fx.lotBidOnByA() } }),
  "GET /admin/lot-offers": async () => ({ query: { status: "pending" } }),
  "POST /admin/bidder-blocks": async (fx) => ({ body: { customer_id: await fx.customer(), reason: "chargeback" } }),
  "DELETE /admin/bidder-blocks/:customer_id": async (fx) => ({ params: { customer_id: await fx.blockedCustomer() } }),
  "GET /admin/shows": async () => ({ query: { status: "scheduled" } }),
  "POST /admin/shows": async () => ({ body: { title: "Sunday slabs" } }),
  "GET /admin/shows/:id": async (fx) => ({ params: { id: await fx.scheduledShow() } }),
  "POST /admin/shows/:id": async (fx) => ({ params: { id: await fx.scheduledShow() }, body: { title: "Renamed" } }),
  "POST /admin/shows/:id/go-live": async (fx) => ({ params: { id: await fx.scheduledShow() }, body: {} }),
  "POST /admin/shows/:id/end": async (fx) => ({ params: { id: await fx.liveShow() }, body: {} }),
  "POST /admin/shows/:id/cancel": async (fx) => ({ params: { id: await fx.scheduledShow() }, body: {} }),
  "GET /admin/shows/:id/lineup": async (fx) => ({ params: { id: await fx.liveShowWithLineup() } }),
  "POST /admin/shows/:id/lineup": async (fx) => ({
    params: { id: await fx.scheduledShow() },
    body: { lots: [{ product_variant_id: await fx.variant(), starting_price: 10, currency_code: "usd", duration_seconds: 30 }] },
  }),
  "POST /admin/shows/:id/lineup/reorder": async (fx) => {
    const id = await fx.liveShowWithLineup()
    const { data } = await fx.api.get(`/admin/shows/${id}/lineup`, { headers: fx.seller })
    return { params: { id }, body: { auction_ids: data.lots.map((l: { id: string }) => l.id).reverse() } }
  },
  "POST /admin/shows/:id/next-lot": async (fx) => ({ params: { id: await fx.liveShowWithLineup() }, body: {} }),
  "POST /admin/shows/:id/publisher-token": async (fx) => ({ params: { id: await fx.scheduledShow() }, body: {} }),
  "GET /admin/shows/:id/ingress": async (fx) => ({ params: { id: await fx.scheduledShow() } }),
  "POST /admin/shows/:id/ingress": async (fx) => ({ params: { id: await fx.scheduledShow() }, body: { type: "rtmp" } }),
  "POST /admin/shows/:id/media-uploads": async (fx) => ({
    params: { id: await fx.scheduledShow() },
    body: { kind: "thumbnail", content_type: "image/png", size: 68 },
  }),
  "POST /admin/shows/:id/media": async (fx) => {
    const id = await fx.scheduledShow()
    return { params: { id }, body: { kind: "thumbnail", key: await fx.uploadedThumbnail(id) } }
  },
  "GET /admin/bids": async (fx) => {
    await fx.lotBidOnByA()
    return { query: { customer_id: fx.customerAId, limit: "10" } }
  },
  "GET /admin/bidder-blocks": async (fx) => ({ query: { customer_id: await fx.blockedCustomer() } }),
  "GET /admin/sellers": async () => ({ query: { q: "Seller", limit: "10" } }),
  "POST /admin/sellers": async (fx) => ({
    body: { user_id: await fx.adminUser(), handle: `h-${randomUUID().slice(0, 8)}`, display_name: "New seller" },
  }),
  "GET /admin/sellers/:id": async (fx) => ({ params: { id: fx.sellerProfileId } }),
  "POST /admin/sellers/:id": async (fx) => ({ params: { id: fx.sellerProfileId }, body: { bio: "Cards and comics" } }),
  "GET /store/shows/:id/chat": async (fx) => ({ params: { id: (await fx.chatShow()).id } }),
  "GET /store/shows/:id/chat/messages": async (fx) => ({ params: { id: (await fx.chatShow()).id }, query: { limit: "10" } }),
  "POST /store/shows/:id/chat/messages": async (fx) => ({ params: { id: await fx.liveShow() }, body: { text: "hello", kind: "question" } }),
  ...chatModerationSamples("store"),
  ...chatModerationSamples("admin"),
  "DELETE /admin/shows/:id/chat/mutes/:customer_id": async (fx) => {
    const c = await fx.chatShow()
    return { params: { id: c.id, customer_id: c.customer_b } }
  },
  "POST /admin/shows/:id/chat/blocks": async (fx) => ({ params: { id: (await fx.chatShow()).id }, body: { customer_id: await fx.customer() } }),
  "DELETE /admin/shows/:id/chat/blocks/:customer_id": async (fx) => {
    const c = await fx.chatShow()
    return { params: { id: c.id, customer_id: c.customer_b } }
  },
  "DELETE /admin/shows/:id/chat/removals/:customer_id": async (fx) => {
    const c = await fx.chatShow()
    await fx.api.post(`/admin/shows/${c.id}/chat/removals`, { customer_id: c.customer_b }, { headers: fx.seller })
    return { params: { id: c.id, customer_id: c.customer_b } }
  },
  "GET /admin/shows/:id/chat/restrictions": async (fx) => {
    const c = await fx.chatShow()
    await fx.api.post(`/admin/shows/${c.id}/chat/mutes`, { customer_id: c.customer_b, duration_seconds: 60 }, { headers: fx.seller })
    return { params: { id: c.id } }
  },
  "GET /admin/shows/:id/chat": async (fx) => ({ params: { id: (await fx.chatShow()).id } }),
  "GET /admin/shows/:id/chat/messages": async (fx) => ({ params: { id: (await fx.chatShow()).id }, query: { limit: "10" } }),
  "GET /admin/shows/:id/chat/moderators": async (fx) => ({ params: { id: (await fx.chatShow()).id } }),
  "POST /admin/shows/:id/chat/moderators": async (fx) => ({ params: { id: (await fx.chatShow()).id }, body: { customer_id: await fx.customer() } }),
  "DELETE /admin/shows/:id/chat/moderators/:customer_id": async (fx) => ({ params: { id: (await fx.chatShow()).id, customer_id: fx.customerAId } }),
  "GET /admin/shows/:id/chat/blocked-words": async (fx) => ({ params: { id: (await fx.chatShow()).id } }),
  "POST /admin/shows/:id/chat/blocked-words": async (fx) => ({ params: { id: (await fx.chatShow()).id }, body: { word: "counterfeit" } }),
  "DELETE /admin/shows/:id/chat/blocked-words/:word_id": async (fx) => {
    const c = await fx.chatShow()
    return { params: { id: c.id, word_id: c.word_id } }
  },
  "POST /admin/shows/:id/chat/slow-mode": async (fx) => ({ params: { id: (await fx.chatShow()).id }, body: { seconds: 5 } }),
  "GET /admin/shows/:id/chat/log": async (fx) => ({ params: { id: (await fx.chatShow()).id }, query: { limit: "10" } }),
  "GET /admin/blocked-chat-words": async () => ({}),
  "POST /admin/blocked-chat-words": async () => ({ body: { word: "scam" } }),
  "DELETE /admin/blocked-chat-words/:id": async (fx) => ({ params: { id: await fx.platformWord() } }),
  "GET /admin/live/me": async () => ({}),
  "POST /admin/live/realtime-token": async () => ({ body: {} }),
}

/** The moderation routes the Store (a moderator: customer A) and the Admin API (the seller, staff) share. */
function chatModerationSamples(area: "store" | "admin"): Record<string, (fx: Fixtures) => Promise<Sample>> {
  const base = `/${area}/shows/:id/chat`
  const withMessage = async (fx: Fixtures) => {
    const c = await fx.chatShow()
    return { params: { id: c.id, message_id: c.message_id } }
  }
  return {
    [`DELETE ${base}/messages/:message_id`]: withMessage,
    [`POST ${base}/messages/:message_id/answer`]: async (fx) => ({ ...(await withMessage(fx)), body: { answer_text: "PSA 10" } }),
    [`POST ${base}/messages/:message_id/dismiss`]: async (fx) => ({ ...(await withMessage(fx)), body: {} }),
    [`POST ${base}/pin`]: async (fx) => {
      const c = await fx.chatShow()
      return { params: { id: c.id }, body: { message_id: c.message_id } }
    },
    [`DELETE ${base}/pin`]: async (fx) => ({ params: { id: (await fx.chatShow()).id } }),
    [`POST ${base}/mutes`]: async (fx) => {
      const c = await fx.chatShow()
      return { params: { id: c.id }, body: { customer_id: c.customer_b, duration_seconds: 60 } }
    },
    [`POST ${base}/removals`]: async (fx) => {
      const c = await fx.chatShow()
      return { params: { id: c.id }, body: { customer_id: c.customer_b } }
    },
  }
}

export const routeKey = (route: Pick<LiveRoute, "method" | "path">) => `${route.method} ${route.path}`

/** The URL of a sample: path parameters filled in, query encoded. */
export function sampleUrl(route: LiveRoute, sample: Sample): string {
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(sample.params?.[name] ?? ""))
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(sample.query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      query.append(name, item) // repeated for a list: ?status=live&status=sold
    }
  }
  const search = query.toString()
  return search ? `${path}?${search}` : path
}

/** Sends a request and returns its answer whatever the status. */
export async function send(api: Api & { delete: Api["delete"] }, route: LiveRoute, url: string, body: unknown, headers: Record<string, string>) {
  const config = { headers, validateStatus: () => true }
  switch (route.method) {
    case "GET":
      return api.get(url, config)
    case "DELETE":
      return api.delete(url, config)
    default:
      // Serialised here, so a body that is not an object (a number, a string) goes out as JSON too.
      return api.post(url, JSON.stringify(body ?? {}), { ...config, headers: { ...headers, "content-type": "application/json" } })
  }
}
