import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { adminHeaders, createBuyers, type Buyer } from "../../helpers/actors"
import { bid, CLOSES_WITHIN_MS, createLot, sleep } from "../../helpers/auctions"

type Accepted = { customer: string; kind: string; amount: number; seq: number; price: number; outcome: string; at: string }

export function bidConcurrencySuite({ api, getContainer, dbConnection }: MedusaSuiteOptions): void {
  let admin: Record<string, string>
  let buyers: Buyer[]

  beforeEach(async () => {
    admin = await adminHeaders(getContainer(), api)
    buyers = await createBuyers(getContainer(), 50)
  })

  it("50 bidders firing at once: one leader, prices rising in seq order, no gaps, nothing lost", async () => {
    const id = await createLot(api, admin, { soft_close_seconds: 0, duration_seconds: 300 })
    // Five waves; in each, all 50 bidders fire at once just above the current price.
    let rnd = 42
    const random = () => (rnd = (rnd * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const responses: { res: { status: number; data: any }; buyer: Buyer }[] = []
    for (let wave = 0; wave < 5; wave++) {
      const view = await api.get(`/store/auctions/${id}`, { headers: buyers[0].headers })
      const base = view.data.auction.min_next_bid as number
      const batch = await Promise.all(
        buyers.map((buyer) => {
          const amount = base + Math.floor(random() * 30)
          const body = random() < 0.5 ? { amount } : { max_amount: amount }
          return bid(api, id, buyer.headers, body).then((res) => ({ res, buyer }))
        })
      )
      responses.push(...batch)
    }

    const serverErrors = responses.filter(({ res }) => res.status >= 500)
    expect(serverErrors).toEqual([])
    const rejections = responses.filter(({ res }) => res.status === 400).map(({ res }) => res.data.code)
    expect(new Set(rejections)).toEqual(new Set(rejections.filter((c) => c === "bid_too_low" || c === "already_leading")))

    const accepted: Accepted[] = responses
      .filter(({ res }) => res.status === 200)
      .map(({ res, buyer }) => ({
        customer: buyer.id,
        kind: res.data.bid.kind,
        amount: res.data.bid.amount,
        seq: res.data.bid.seq,
        price: res.data.bid.price_after,
        outcome: res.data.outcome,
        at: res.data.bid.created_at,
      }))
      .sort((a, b) => a.seq - b.seq)
    expect(accepted.length).toBeGreaterThan(10)

    // seq: 1 was the start; every accepted bid took the next one, with no gap and no repeat.
    expect(accepted.map((a) => a.seq)).toEqual(accepted.map((_, i) => i + 2))
    // Visible prices never fall, and rise on every bid that is not a leader raising a max.
    for (let i = 1; i < accepted.length; i++) {
      const step = accepted[i]
      if (step.outcome === "max_raised") {
        expect(step.price).toBeGreaterThanOrEqual(accepted[i - 1].price)
      } else {
        expect(step.price).toBeGreaterThan(accepted[i - 1].price)
      }
    }

    // Exactly one leader: the highest offer, the earliest on a tie.
    const top = Math.max(...accepted.map((a) => a.amount))
    const expectedLeader = accepted.find((a) => a.amount === top)!.customer
    const { data } = await api.get(`/admin/auctions/${id}`, { headers: admin })
    expect(data.auction.leader_customer_id).toBe(expectedLeader)
    expect(data.auction.bid_count).toBe(accepted.length)
    expect(data.auction.seq).toBe(accepted.length + 1)
    expect(Number(data.auction.current_price)).toBe(accepted[accepted.length - 1].price)

    // The database agrees: as many bids and events as decisions, event seqs 1..N.
    const bids = await dbConnection.raw("select count(*)::int as n from live_auction_bid where auction_id = ?", [id])
    expect(bids.rows[0].n).toBe(accepted.length)
    const events = await dbConnection.raw("select seq from live_auction_event where auction_id = ? order by seq", [id])
    expect(events.rows.map((r: { seq: number }) => r.seq)).toEqual(Array.from({ length: accepted.length + 1 }, (_, i) => i + 1))
  })

  it("bids fired across the close: none accepted after it, the close on time (by its timer, never early)", async () => {
    // Long enough that a slow machine still reaches the bidding window before the end.
    const id = await createLot(api, admin, { duration_seconds: 12, sudden_death: true })
    const { data: started } = await api.get(`/admin/auctions/${id}`, { headers: admin })
    const endsAt = new Date(started.auction.ends_at).getTime()

    // Sleep until ~600 ms before the end, then every bidder bids as fast as it can for ~1.2 s.
    await sleep(Math.max(0, endsAt - Date.now() - 600))
    const stopAt = Date.now() + 1200
    const results: { status: number; data: any; customer: string }[] = []
    await Promise.all(
      buyers.slice(0, 20).map(async (buyer) => {
        while (Date.now() < stopAt) {
          const view = await api.get(`/store/auctions/${id}`, { headers: buyer.headers })
          const res = await bid(api, id, buyer.headers, { amount: view.data.auction.min_next_bid })
          results.push({ status: res.status, data: res.data, customer: buyer.id })
        }
      })
    )

    const accepted = results.filter((r) => r.status === 200)
    const closedRejections = results.filter((r) => r.status === 400 && r.data.code === "auction_closed")
    expect(accepted.length).toBeGreaterThan(0)
    expect(closedRejections.length).toBeGreaterThan(0)
    expect(results.filter((r) => r.status >= 500)).toEqual([])
    for (const r of closedRejections) {
      expect(r.data.late_by_ms).toBeGreaterThanOrEqual(0)
    }

    // Wait for the close; then every accepted bid was decided before the (final) end.
    let lot
    for (let i = 0; i < 100; i++) {
      lot = (await api.get(`/admin/auctions/${id}`, { headers: admin })).data.auction
      if (lot.closed_at) {
        break
      }
      await sleep(50)
    }
    const finalEnd = new Date(lot.ends_at).getTime()
    expect(finalEnd).toBe(endsAt) // sudden death: never moved
    for (const r of accepted) {
      // Milliseconds in JSON: a bid a fraction of a millisecond before the end shows the same ms.
      expect(new Date(r.data.bid.created_at).getTime()).toBeLessThanOrEqual(finalEnd)
    }
    // At the database's own precision (microseconds), every stored bid is strictly before the end.
    const { rows } = await dbConnection.raw(
      `select count(*)::int as late from live_auction_bid b join live_auction l on l.id = b.auction_id
       where l.id = ? and b.created_at >= l.ends_at`,
      [id]
    )
    expect(rows[0].late).toBe(0)
    const lag = new Date(lot.closed_at).getTime() - finalEnd
    expect(lag).toBeGreaterThanOrEqual(0)
    expect(lag).toBeLessThanOrEqual(CLOSES_WITHIN_MS)

    const last = accepted.sort((a, b) => a.data.bid.seq - b.data.bid.seq)[accepted.length - 1]
    expect(lot.status).toBe("sold")
    expect(lot.winner_customer_id).toBe(last.customer)
    expect(Number(lot.hammer_price)).toBe(last.data.bid.price_after)
    // The close took the seq right after the last bid.
    expect(lot.seq).toBe(last.data.bid.seq + 1)
  })
}
