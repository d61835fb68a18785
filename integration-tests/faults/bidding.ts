/**
 * Steady bidding over HTTP at `rate` bids/s on whichever lots of the show are live, by K
 * customers, each waiting for the answer to their last bid as a storefront user does. A bid
 * that got no HTTP answer (refused, reset, timed out) or a 5xx is retried every second with the
 * SAME idempotency key and body, so a bid committed just before a crash is acknowledged by its
 * retry (`400 duplicate_bid`, carrying the first bid) rather than placed twice.
 */
import { randomUUID } from "node:crypto"
import type { Pool } from "pg"
import { call, type Shop } from "./shop"

export type BidRecord = {
  lot: string
  bidder: number
  key: string
  amount: number
  sentAt: number
  tries: number
  networkFailures: number
  serverErrors: number
  answeredAt?: number
  status?: number
  code?: string
  /** The stored bid this answer acknowledges: a 200, or a retry's duplicate_bid. */
  bidId?: string
}

export type Bidding = { bids: BidRecord[]; stop: (graceMs: number) => Promise<void> }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export function runBidding(base: string, db: Pool, shop: Shop, rate: number): Bidding {
  const bids: BidRecord[] = []
  const busy = new Set<number>() // bidders waiting for an answer
  const inFlight = new Set<string>() // lots with a first attempt on the wire
  const minNext = new Map<string, number>()
  const leader = new Map<string, number>()
  const pending = new Set<Promise<void>>()
  let live: string[] = []
  let turn = 0
  let giveUpAt = Infinity

  // Which lots are live, from the database: the load must not depend on what is under test.
  const poll = setInterval(() => {
    db.query<{ id: string }>(
      "select id from live_auction where show_id = $1 and status = 'live' and ends_at > clock_timestamp() + interval '100 ms'",
      [shop.showId]
    ).then(({ rows }) => (live = rows.map((r) => r.id)), () => undefined)
  }, 200)

  const place = async (bid: BidRecord) => {
    for (;;) {
      bid.tries++
      const answer = await call(base, `/store/auctions/${bid.lot}/bids`, {
        headers: shop.bidders[bid.bidder],
        body: { amount: bid.amount, idempotency_key: bid.key },
      }).catch(() => null)
      if (bid.tries === 1) {
        inFlight.delete(bid.lot)
      }
      if (answer && answer.status < 500) {
        Object.assign(bid, { answeredAt: Date.now(), status: answer.status, code: answer.data.code })
        bid.bidId = answer.status === 200 || answer.data.code === "duplicate_bid" ? answer.data.bid?.id : undefined
        if (answer.data.auction?.min_next_bid) {
          minNext.set(bid.lot, answer.data.auction.min_next_bid)
        }
        if (answer.data.outcome === "leading") {
          leader.set(bid.lot, bid.bidder)
        }
        return
      }
      if (answer) {
        bid.serverErrors++
      } else {
        bid.networkFailures++
      }
      if (Date.now() > giveUpAt) {
        return
      }
      await sleep(1000)
    }
  }

  const tick = setInterval(() => {
    const lots = live.filter((id) => !inFlight.has(id))
    const lot = lots[turn++ % Math.max(1, lots.length)]
    // Any free customer but the lot's leader (a leader's straight bid is refused), in turn.
    const k = shop.bidders.length
    const bidder = [...Array(k).keys()].map((i) => (i + turn) % k).find((i) => !busy.has(i) && leader.get(lot) !== i)
    if (!lot || bidder === undefined) {
      return
    }
    const bid: BidRecord = { lot, bidder, key: randomUUID(), amount: minNext.get(lot) ?? 1, sentAt: Date.now(), tries: 0, networkFailures: 0, serverErrors: 0 }
    bids.push(bid)
    busy.add(bidder)
    inFlight.add(lot)
    const done = place(bid).finally(() => {
      busy.delete(bidder)
      pending.delete(done)
    })
    pending.add(done)
  }, 1000 / rate)

  return {
    bids,
    /** No new bids; unanswered ones keep retrying for `graceMs`, then are left unanswered. */
    stop: async (graceMs) => {
      clearInterval(tick)
      clearInterval(poll)
      giveUpAt = Date.now() + graceMs
      await Promise.all(pending)
    },
  }
}
