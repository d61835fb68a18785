/**
 * `npm run bench:bids`: one hot lot, concurrent bidders, against the running app
 * (`npm start` in another terminal) over real HTTP. Prints decisions/s, accepted/rejected,
 * p50/p95/p99, the invariant check, and a bare baseline: the same decision as one SQL
 * statement through `pg` on the same database. Then how late lots close under a storm of bids
 * across their end (target: 250 ms, ARCHITECTURE.md), against a bare timer in this process.
 *
 * Env: BENCH_URL (http://localhost:9000), DATABASE_URL (the embedded default),
 * BENCH_BIDDERS (50), BENCH_CONCURRENCY (32), BENCH_SECONDS (10), BENCH_RATE (200),
 * BENCH_CLOSE_LOTS (5), BENCH_ADMIN_EMAIL / BENCH_ADMIN_PASSWORD (the demo admin).
 */
import { randomUUID } from "node:crypto"
import { Pool } from "pg"
import { BASE, createClosingLot, createHotLot, http, setup, type Json } from "./app"
import { percentile, runClosedLoop, runOpenLoop, type Sample } from "./load"

const env = process.env
const DATABASE_URL = env.DATABASE_URL || "postgres://postgres:postgres@127.0.0.1:54329/medusa_live_commerce"
const BIDDERS = Number(env.BENCH_BIDDERS || 50)
const CONCURRENCY = Number(env.BENCH_CONCURRENCY || 32)
const SECONDS = Number(env.BENCH_SECONDS || 10)
const RATE = Number(env.BENCH_RATE || 200)
const CLOSE_LOTS = Number(env.BENCH_CLOSE_LOTS || 5)
/** The storm runs from this long before each lot's end to this long after it. */
const STORM_BEFORE_END_MS = 2000
const STORM_AFTER_END_MS = 1000

/** Each bid goes a little above the last price this client saw: many win, many lose, as in a bid war. */
function bidder(id: string, headers: Record<string, string>[], accepted: Json[]) {
  let seen = 1
  let n = 0
  return async (): Promise<Sample> => {
    const who = headers[n++ % headers.length]
    const amount = seen + 1 + Math.floor(Math.random() * 3)
    const started = performance.now()
    const res = await http(`/store/auctions/${id}/bids`, {
      method: "POST",
      headers: who,
      body: { amount, idempotency_key: randomUUID() },
    })
    const ms = performance.now() - started
    const price = res.data.auction?.current_price
    if (typeof price === "number" && price > seen) {
      seen = price
    }
    if (res.status === 200) {
      accepted.push(res.data.bid)
    }
    return { ms, ok: res.status === 200, error: res.status >= 500 ? `${res.status}` : undefined }
  }
}

async function checkInvariants(admin: Record<string, string>, id: string, accepted: Json[]) {
  const history: Json[] = []
  for (let offset = 0; ; offset += 500) {
    const page = await http(`/admin/auctions/${id}/bids?limit=500&offset=${offset}`, { headers: admin })
    history.push(...page.data.bids)
    if (page.data.bids.length < 500) {
      break
    }
  }
  const stored = new Set(history.map((b) => b.id))
  const lost = accepted.filter((b) => !stored.has(b.id)).length
  // Two stored bids on one seq, or one accepted bid answered twice.
  const duplicated =
    history.length - new Set(history.map((b) => b.seq)).size + (accepted.length - new Set(accepted.map((b) => b.id)).size)
  const bySeq = [...history].sort((a, b) => a.seq - b.seq)
  let outOfOrder = 0
  for (let i = 1; i < bySeq.length; i++) {
    if (bySeq[i].seq !== bySeq[i - 1].seq + 1 || Number(bySeq[i].price_after) <= Number(bySeq[i - 1].price_after)) {
      outOfOrder++
    }
  }
  // Stored but never acknowledged as accepted (e.g. a timeout): not lost, but worth knowing.
  const unacknowledged = history.filter((b) => !accepted.some((a) => a.id === b.id)).length
  return { lost, duplicated, outOfOrder, stored: history.length, unacknowledged }
}

/** The bare decision: lock, check, update, insert the bid and the event — one statement. */
const BARE_DECISION = `
with lot as (
  select id, seq, coalesce(current_price + 1, starting_price) as min_next
  from live_auction where id = $1 and status = 'live' and ends_at > clock_timestamp() for update
), upd as (
  update live_auction a set current_price = $2, leader_customer_id = $3, bid_count = a.bid_count + 1, seq = a.seq + 1
  from lot where a.id = lot.id and $2 >= lot.min_next
  returning a.id, a.seq
), bid as (
  insert into live_auction_bid (id, auction_id, customer_id, kind, amount, raw_amount, price_after, raw_price_after,
                                outcome, idempotency_key, seq, run, is_prebid)
  select 'bid_' || md5(random()::text), upd.id, $3, 'straight', $2, '{}'::jsonb, $2, '{}'::jsonb, 'leading', $4, upd.seq, 1, false
  from upd returning id
), evt as (
  insert into live_auction_event (id, auction_id, seq, name, payload)
  select 'aevt_' || md5(random()::text), upd.id, upd.seq, 'live_auction.bid_placed', '{}'::jsonb from upd returning id
)
select (select count(*) from bid) as accepted`

async function bareBaseline(pool: Pool, lotId: string) {
  let seen = 1
  let n = 0
  return runClosedLoop(CONCURRENCY, SECONDS * 1000, async () => {
    const amount = seen + 1 + Math.floor(Math.random() * 3)
    const started = performance.now()
    const { rows } = await pool.query(BARE_DECISION, [lotId, amount, `cus_bare_${n++ % BIDDERS}`, randomUUID()])
    const ok = Number(rows[0].accepted) === 1
    if (ok && amount > seen) {
      seen = amount
    }
    return { ms: performance.now() - started, ok }
  })
}

const dbNow = async (pool: Pool) => ((await pool.query("select clock_timestamp() as now")).rows[0].now as Date).getTime()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))

/**
 * Sudden-death lots closed while the bidders storm across their end: how late after its end each
 * closed, on the database clock (its `closed_at`). The bare baseline is the least any closer
 * could do on this box under the same storm: a timer in this process aimed at the same end (by the
 * database clock, as the app arms its own), reading the database clock when it fires.
 */
async function closingUnderStorm(admin: Record<string, string>, bidders: Record<string, string>[], pool: Pool) {
  const app: number[] = []
  const bare: number[] = []
  for (let i = 0; i < CLOSE_LOTS; i++) {
    const lot = await createClosingLot(admin, `bench closing lot ${i + 1}`, 5)
    const untilEnd = lot.endsAt - (await dbNow(pool))
    const bareLateness = sleep(untilEnd).then(async () => (await dbNow(pool)) - lot.endsAt)
    await sleep(untilEnd - STORM_BEFORE_END_MS)
    await runClosedLoop(CONCURRENCY, STORM_BEFORE_END_MS + STORM_AFTER_END_MS, bidder(lot.id, bidders, []))
    bare.push(await bareLateness)
    for (let tries = 0; ; tries++) {
      const { data } = await http(`/admin/auctions/${lot.id}`, { headers: admin })
      if (data.auction.closed_at) {
        app.push(Date.parse(data.auction.closed_at) - lot.endsAt)
        break
      }
      if (tries > 50) {
        throw new Error(`lot ${lot.id} still open ${tries * 100} ms after the storm`)
      }
      await sleep(100)
    }
  }
  const line = (ms: number[]) => {
    const sorted = [...ms].sort((a, b) => a - b)
    return `median ${percentile(sorted, 50).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms (${ms.map((m) => m.toFixed(0)).join(", ")})`
  }
  console.log(`close after the end, ${CLOSE_LOTS} lots under ${CONCURRENCY} concurrent bidders (target ≤ 250 ms)`)
  console.log(`  app  ${line(app)}`)
  console.log(`  bare ${line(bare)}`)
  const worst = (ms: number[]) => Math.max(...ms)
  console.log(`  ratio app / bare (max): ${(worst(app) / Math.max(1, worst(bare))).toFixed(2)}`)
  return { app, bare }
}

function report(label: string, samples: Sample[], seconds: number) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b)
  const accepted = samples.filter((s) => s.ok).length
  const errors = samples.filter((s) => s.error).length
  const rate = samples.length / seconds
  console.log(
    `${label.padEnd(34)} ${rate.toFixed(0).padStart(6)} decisions/s  accepted ${accepted}  rejected ${samples.length - accepted - errors}  errors ${errors}  ` +
      `p50 ${percentile(ms, 50).toFixed(1)} ms  p95 ${percentile(ms, 95).toFixed(1)} ms  p99 ${percentile(ms, 99).toFixed(1)} ms`
  )
  return rate
}

async function main() {
  console.log(`bench:bids against ${BASE}: ${BIDDERS} bidders, ${CONCURRENCY} concurrent, ${SECONDS} s per phase`)
  const { admin, bidders } = await setup(BIDDERS)

  const hot = await createHotLot(admin, "bench hot lot (closed loop)")
  const accepted: Json[] = []
  const closed = await runClosedLoop(CONCURRENCY, SECONDS * 1000, bidder(hot, bidders, accepted))
  const appRate = report(`app, ${CONCURRENCY} concurrent (closed loop)`, closed.samples, closed.seconds)
  const inv = await checkInvariants(admin, hot, accepted)
  console.log(
    `invariants: ${inv.stored} stored / ${accepted.length} accepted — lost ${inv.lost}, duplicated ${inv.duplicated}, ` +
      `out of order ${inv.outOfOrder}, unacknowledged ${inv.unacknowledged}`
  )

  const paced = await createHotLot(admin, "bench hot lot (open loop)")
  const pacedAccepted: Json[] = []
  const open = await runOpenLoop(RATE, SECONDS * 1000, bidder(paced, bidders, pacedAccepted))
  report(`app, ${RATE} bids/s offered (open loop)`, open.samples, open.seconds)
  const inv2 = await checkInvariants(admin, paced, pacedAccepted)
  console.log(`invariants: lost ${inv2.lost}, duplicated ${inv2.duplicated}, out of order ${inv2.outOfOrder}`)

  const pool = new Pool({ connectionString: DATABASE_URL, max: CONCURRENCY })
  try {
    const bareLot = await createHotLot(admin, "bench hot lot (bare SQL)")
    const bare = await bareBaseline(pool, bareLot)
    const bareRate = report(`bare SQL via pg, ${CONCURRENCY} concurrent`, bare.samples, bare.seconds)
    console.log(`ratio app / bare: ${(appRate / bareRate).toFixed(2)}`)

    const closes = await closingUnderStorm(admin, bidders, pool)
    if (closes.app.some((ms) => ms < 0)) {
      console.log("a lot closed before its end")
      process.exitCode = 1
    }
  } finally {
    await pool.end()
  }
  if (inv.lost || inv.duplicated || inv.outOfOrder || inv2.lost || inv2.duplicated || inv2.outOfOrder) {
    process.exitCode = 1
  }
}

main().catch((err) => {
  console.error(`bench:bids: ${err.message}`)
  process.exit(1)
})
