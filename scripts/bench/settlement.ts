/**
 * `npm run bench:settlement`: the end of a show. With `npm start` running, S lots of one show close
 * together, won by B buyers (lot i by buyer i mod B); it measures how long until every winner's
 * cart holds their lots (close → cart, on the database clock), and checks the bundling: one cart
 * per buyer, holding exactly that buyer's lots at their hammer prices.
 * Settings: BENCH_URL, BENCH_LOTS (100), BENCH_BUYERS (50), BENCH_TIMEOUT_S (120).
 */
import { http, setup, type Json } from "./app"

const env = process.env
const LOTS = Number(env.BENCH_LOTS || 100)
const BUYERS = Number(env.BENCH_BUYERS || 50)
const TIMEOUT_MS = Number(env.BENCH_TIMEOUT_S || 120) * 1000
const LOT_SECONDS = 8

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]

async function main() {
  console.log(`bench:settlement: ${LOTS} lots in one show, ${BUYERS} buyers, closing together`)
  const { admin, bidders } = await setup(BUYERS)
  const { data: created } = await http("/admin/shows", { method: "POST", headers: admin, body: { title: "Bench show" } })
  const showId: string = created.show.id

  const lots: string[] = []
  for (let i = 0; i < LOTS; i++) {
    const { data } = await http("/admin/auctions", {
      method: "POST",
      headers: admin,
      body: { title: `Bench lot ${i}`, currency_code: "usd", starting_price: 1, duration_seconds: LOT_SECONDS, soft_close_seconds: 0, show_id: showId },
    })
    lots.push(data.auction.id)
  }
  // Start them all at once: they end within the time it takes to send the starts.
  await Promise.all(lots.map((id) => http(`/admin/auctions/${id}/start`, { method: "POST", headers: admin, body: {} })))
  await Promise.all(
    lots.map((id, i) =>
      http(`/store/auctions/${id}/bids`, {
        method: "POST",
        headers: bidders[i % BUYERS],
        body: { amount: 1 + (i % 7), idempotency_key: `bench-settle-${id}` },
      })
    )
  )

  const deadline = Date.now() + LOT_SECONDS * 1000 + TIMEOUT_MS
  let offers: Json[] = []
  for (;;) {
    const { data } = await http(`/admin/lot-offers?show_id=${showId}&limit=200`, { headers: admin })
    offers = data.lot_offers ?? []
    if (offers.length === LOTS && offers.every((o) => o.cart_id)) {
      break
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out: ${offers.filter((o) => o.cart_id).length} of ${LOTS} lots in carts`)
    }
    await sleep(200)
  }

  const { data: closed } = await http(`/admin/auctions?show_id=${showId}&limit=200`, { headers: admin })
  const closedAt = new Map<string, number>(closed.auctions.map((l: Json) => [l.id, new Date(l.closed_at).getTime()]))
  // The offer's updated_at is when its cart was attached (the last write of the cart workflow).
  const latencies = offers.map((o) => new Date(o.updated_at).getTime() - closedAt.get(o.auction_id)!).sort((a, b) => a - b)
  const firstClose = Math.min(...closedAt.values())
  const lastCart = Math.max(...offers.map((o) => new Date(o.updated_at).getTime()))

  // Bundling: one cart per buyer, holding exactly that buyer's lots at their prices.
  const byCustomer = new Map<string, Json[]>()
  for (const o of offers) {
    byCustomer.set(o.customer_id, [...(byCustomer.get(o.customer_id) ?? []), o])
  }
  let wrong = 0
  for (const [i, headers] of bidders.entries()) {
    const mine = offers.filter((o) => lots.indexOf(o.auction_id) % BUYERS === i)
    const cartIds = new Set(mine.map((o) => o.cart_id))
    if (cartIds.size !== 1) {
      wrong++
      continue
    }
    const { data } = await http(`/store/carts/${[...cartIds][0]}`, { headers })
    const lines = (data.cart?.items ?? []).map((it: Json) => `${it.metadata?.lot_offer_id}:${it.unit_price}`).sort()
    const expected = mine.map((o) => `${o.id}:${o.amount}`).sort()
    if (JSON.stringify(lines) !== JSON.stringify(expected)) {
      wrong++
    }
  }

  console.log(
    `close → cart   p50 ${pct(latencies, 50)} ms  p95 ${pct(latencies, 95)} ms  p99 ${pct(latencies, 99)} ms  max ${latencies[latencies.length - 1]} ms`
  )
  console.log(
    `all ${LOTS} lots in carts ${lastCart - firstClose} ms after the first close (${((LOTS * 1000) / Math.max(1, lastCart - firstClose)).toFixed(1)} lots/s)`
  )
  console.log(`carts: ${new Set(offers.map((o) => o.cart_id)).size} for ${byCustomer.size} buyers; buyers with a wrong cart: ${wrong}`)
  if (wrong) {
    process.exitCode = 1
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
