import { randomUUID } from "node:crypto"

/** The test runner's HTTP client, as these helpers use it. */
export type Api = {
  post: (url: string, body?: unknown, config?: unknown) => Promise<{ status: number; data: any }>
  get: (url: string, config?: unknown) => Promise<{ status: number; data: any }>
  delete: (url: string, config?: unknown) => Promise<{ status: number; data: any }>
}

export const LOT = { title: "Holo card", currency_code: "usd", starting_price: 5, duration_seconds: 60 }

/** Creates a lot through the Admin API and, unless told otherwise, starts it. */
export async function createLot(
  api: Api,
  admin: Record<string, string>,
  settings: Record<string, unknown> = {},
  { start = true } = {}
) {
  const { data } = await api.post("/admin/auctions", { ...LOT, ...settings }, { headers: admin })
  if (start) {
    await api.post(`/admin/auctions/${data.auction.id}/start`, {}, { headers: admin })
  }
  return data.auction.id as string
}

/** The lot as staff see it. */
export async function adminLot(api: Api, admin: Record<string, string>, id: string) {
  return (await api.get(`/admin/auctions/${id}`, { headers: admin })).data.auction
}

/** A lot's settlement offers, as staff see them. */
export async function lotOffers(api: Api, admin: Record<string, string>, auctionId: string): Promise<any[]> {
  return (await api.get(`/admin/lot-offers?auction_id=${auctionId}`, { headers: admin })).data.lot_offers
}

/** Schedules a show through the Admin API (run by the calling admin) and, if asked, takes it live. */
export async function createShow(api: Api, admin: Record<string, string>, settings: Record<string, unknown> = {}, { live = false } = {}) {
  const { data } = await api.post("/admin/shows", { title: "Friday breaks", ...settings }, { headers: admin })
  if (live) {
    await api.post(`/admin/shows/${data.show.id}/go-live`, {}, { headers: admin })
  }
  return data.show.id as string
}

/** Places a bid and returns the response whatever its status. */
export function bid(api: Api, id: string, headers: Record<string, string>, body: Record<string, unknown>) {
  return api
    .post(`/store/auctions/${id}/bids`, { idempotency_key: randomUUID(), ...body }, { headers })
    .catch((e: { response: { status: number; data: any } }) => e.response)
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * How late after its end a lot may close here: by its own timer, well inside the clock's one-second
 * tick (the net under the timers). Not the 250 ms target: how late lots close under a bid storm is
 * a figure, measured by `npm run bench:bids` against a bare timer in the same run; these tests
 * share two cores with another Medusa, and a timed assertion at the target failed under that load
 * (253 ms, 541 ms) with nothing wrong.
 */
export const CLOSES_WITHIN_MS = 1000
