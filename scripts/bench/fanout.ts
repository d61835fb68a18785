/**
 * `npm run bench:fanout`: N live viewers on one sidecar process, lot events produced at R/s by
 * real bids over HTTP (bid → outbox → relay → NOTIFY or Redis → sidecar → viewers), against
 * the running app (`npm start` in another terminal). Prints commit→receipt p50/p95/p99, gaps,
 * duplicates and sidecar RSS per viewer; then the same viewers and rate against a bare
 * Socket.io broadcast server, and the ratio.
 *
 * Env: BENCH_URL (http://localhost:9000), BENCH_REALTIME_URL (http://127.0.0.1:9001),
 * BENCH_VIEWERS (5000), BENCH_RATE (10 events/s), BENCH_SECONDS (30).
 */
import { fork } from "node:child_process"
import os from "node:os"
import path from "node:path"
import { randomUUID } from "node:crypto"
import { createHotLot, http, setup } from "./app"
import { connectViewers, DeliveryStats, percentiles, type Viewers } from "./raw-viewers"

const env = process.env
const REALTIME = env.BENCH_REALTIME_URL || "http://127.0.0.1:9001"
const VIEWERS = Number(env.BENCH_VIEWERS || 5000)
const RATE = Number(env.BENCH_RATE || 10)
const SECONDS = Number(env.BENCH_SECONDS || 30)

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A figure from the sidecar's /metrics. */
async function sidecarMetric(name: string): Promise<number> {
  const text = await (await fetch(`${REALTIME}/metrics`)).text()
  const match = new RegExp(`\\n${name} (\\S+)\\n`).exec(text)
  if (!match) {
    throw new Error(`no ${name} in ${REALTIME}/metrics`)
  }
  return Number(match[1])
}

function line(label: string, stats: DeliveryStats, expected: number, rssPerViewer: number, cpuSeconds: number) {
  const p = percentiles(stats.latencies)
  const first = percentiles([...stats.firstBySeq.values()])
  console.log(
    `${label.padEnd(30)} delivered ${stats.latencies.length}/${expected}  gaps ${stats.gaps}  duplicates ${stats.duplicates}  ` +
      `p50 ${p.p50} ms  p95 ${p.p95} ms  p99 ${p.p99} ms  max ${p.max} ms  RSS ${(rssPerViewer / 1024).toFixed(1)} KB/viewer\n` +
      `${"".padEnd(30)} server CPU ${cpuSeconds.toFixed(2)} s = ${((cpuSeconds * 1e6) / Math.max(1, stats.latencies.length)).toFixed(1)} µs per delivered message\n` +
      `${"".padEnd(30)} first viewer of each event: p50 ${first.p50} ms  p99 ${first.p99} ms`
  )
  return p
}

const AGE = "live_realtime_event_age_seconds"
const AGE_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

/** The sidecar's transport-lag histogram (event server_time → arrival at the sidecar). */
async function eventAges() {
  const buckets = await Promise.all(AGE_BUCKETS.map((le) => sidecarMetric(`${AGE}_bucket\\{le="${le}"\\}`)))
  return { sum: await sidecarMetric(`${AGE}_sum`), count: await sidecarMetric(`${AGE}_count`), buckets }
}

/** Mean and bucketed p99 of the events that arrived between two readings. */
function describeAges(before: Awaited<ReturnType<typeof eventAges>>, after: Awaited<ReturnType<typeof eventAges>>) {
  const count = after.count - before.count
  const mean = ((after.sum - before.sum) / Math.max(1, count)) * 1000
  const p99Bucket = AGE_BUCKETS.find((_, i) => after.buckets[i] - before.buckets[i] >= 0.99 * count)
  return `arrival at the sidecar: mean ${mean.toFixed(1)} ms, p99 ≤ ${p99Bucket === undefined ? ">10 s" : `${p99Bucket * 1000} ms`}`
}

/** Our path: viewers in a lot's room, bids over HTTP at RATE, each accepted bid one event. */
async function ours() {
  const { admin, bidders } = await setup(2)
  const lot = await createHotLot(admin, "bench:fanout lot")
  const room = `auction:${lot}`
  const rssBefore = await sidecarMetric("process_resident_memory_bytes")
  const stats = new DeliveryStats(VIEWERS)
  let lastSeq = 0
  const viewers: Viewers = await connectViewers(REALTIME, VIEWERS, room, (viewer, event, payload, at) => {
    if (event === "bid:placed" && payload.room === room) {
      stats.record(viewer, payload.seq, payload.prev_seq, at - Date.parse(payload.server_time))
    }
  })
  await sleep(2000)
  const rssPerViewer = ((await sidecarMetric("process_resident_memory_bytes")) - rssBefore) / VIEWERS
  const cpuBefore = await sidecarMetric("process_cpu_seconds_total")
  const agesBefore = await eventAges()

  let price = 1
  let accepted = 0
  const started = performance.now()
  const total = RATE * SECONDS
  for (let i = 0; i < total; i++) {
    await sleep(Math.max(0, started + (i * 1000) / RATE - performance.now()))
    const res = await http(`/store/auctions/${lot}/bids`, {
      method: "POST",
      headers: bidders[i % 2],
      body: { amount: price + 100, idempotency_key: randomUUID() },
    })
    if (res.status === 200) {
      accepted++
      price = res.data.auction.current_price
      lastSeq = res.data.auction.seq ?? lastSeq
    }
  }
  await sleep(2000)
  const cpu = (await sidecarMetric("process_cpu_seconds_total")) - cpuBefore
  const agesAfter = await eventAges()
  viewers.close()
  const behind = lastSeq ? stats.behind(lastSeq) : -1
  console.log(`  bids accepted ${accepted}/${total}; viewers short of the last seq: ${behind}; ${describeAges(agesBefore, agesAfter)}`)
  return { p: line("sidecar (real relay path)", stats, accepted * VIEWERS, rssPerViewer, cpu), rssPerViewer }
}

/** The baseline: the same viewers on a bare Socket.io server broadcasting at RATE. */
async function bare() {
  const child = fork(path.join(__dirname, "bare-socketio.ts"), [], { execArgv: ["--import", "tsx"], stdio: "inherit" })
  const messages: string[] = []
  const waitFor = async (prefix: string) => {
    for (;;) {
      const found = messages.find((m) => m.startsWith(prefix))
      if (found) {
        messages.splice(messages.indexOf(found), 1)
        return found
      }
      await sleep(20)
    }
  }
  child.on("message", (m) => messages.push(String(m)))
  const port = Number((await waitFor("port")).split(" ")[1])
  child.send("rss")
  const rssBefore = Number((await waitFor("rss")).split(" ")[1])
  const stats = new DeliveryStats(VIEWERS)
  const viewers = await connectViewers(`http://127.0.0.1:${port}`, VIEWERS, null, (viewer, event, payload, at) => {
    if (event === "tick") {
      stats.record(viewer, payload.seq, payload.prev_seq, at - Date.parse(payload.server_time))
    }
  })
  await sleep(2000)
  child.send("rss")
  const rssPerViewer = (Number((await waitFor("rss")).split(" ")[1]) - rssBefore) / VIEWERS
  child.send("cpu")
  const cpuBefore = Number((await waitFor("cpu")).split(" ")[1])
  child.send(`start ${RATE} ${SECONDS}`)
  await waitFor("done")
  await sleep(2000)
  child.send("cpu")
  const cpu = Number((await waitFor("cpu")).split(" ")[1]) - cpuBefore
  viewers.close()
  child.send("stop")
  return { p: line("bare Socket.io broadcast", stats, RATE * SECONDS * VIEWERS, rssPerViewer, cpu), rssPerViewer }
}

async function main() {
  console.log(
    `bench:fanout: ${VIEWERS} viewers, ${RATE} events/s for ${SECONDS} s; ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB; ` +
      `app ${env.BENCH_URL || "http://localhost:9000"}, sidecar ${REALTIME}`
  )
  const a = await ours()
  const b = await bare()
  console.log(
    `ratio sidecar/bare: p50 ${(a.p.p50 / b.p.p50).toFixed(2)}  p99 ${(a.p.p99 / b.p.p99).toFixed(2)}  RSS/viewer ${(a.rssPerViewer / b.rssPerViewer).toFixed(2)}`
  )
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
