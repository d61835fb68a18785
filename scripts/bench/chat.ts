/**
 * `npm run bench:chat`: N viewers in one live show's room on one sidecar, chat messages sent at
 * R/s by real customers over the socket (`chat:send` → sidecar → Store route → chat module →
 * live-events → sidecar → viewers), against the running app (`npm start` in another terminal).
 * Prints messages accepted per second, send→receipt p50/p95/p99 over every viewer's copy and the
 * ack's round trip; then the same viewers and rate on a bare Socket.io broadcast server.
 *
 * Env: BENCH_URL (http://localhost:9000), BENCH_REALTIME_URL (http://127.0.0.1:9001),
 * BENCH_VIEWERS (2000), BENCH_RATE (20 messages/s), BENCH_SECONDS (30). Senders: 3 per message/s
 * (each stays under the per-viewer limit of 5 messages per 10 s).
 */
import { randomUUID } from "node:crypto"
import { fork } from "node:child_process"
import os from "node:os"
import path from "node:path"
import { io } from "socket.io-client"
import { http, setup } from "./app"
import { connectViewers, percentiles } from "./raw-viewers"

const env = process.env
const REALTIME = env.BENCH_REALTIME_URL || "http://127.0.0.1:9001"
const VIEWERS = Number(env.BENCH_VIEWERS || 2000)
const RATE = Number(env.BENCH_RATE || 20)
const SECONDS = Number(env.BENCH_SECONDS || 30)

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function line(label: string, latencies: number[], expected: number) {
  const p = percentiles(latencies)
  console.log(`${label.padEnd(34)} delivered ${latencies.length}/${expected}  p50 ${p.p50} ms  p95 ${p.p95} ms  p99 ${p.p99} ms  max ${p.max} ms`)
  return p
}

/** Our path: viewers in `show:<id>`, customers sending over the socket at RATE. */
async function ours() {
  const senders = Math.max(3, RATE * 3)
  const { admin, pk, bidders } = await setup(senders)
  const show = await http("/admin/shows", { method: "POST", headers: admin, body: { title: "bench:chat show" } })
  const id = show.data.show.id as string
  await http(`/admin/shows/${id}/go-live`, { method: "POST", headers: admin, body: {} })
  const room = `show:${id}`
  const latencies: number[] = []
  const viewers = await connectViewers(REALTIME, VIEWERS, room, (_viewer, event, payload, at) => {
    if (event === "chat:message") {
      const sent = Number(/^t=(\d+)/.exec(payload.message?.text ?? "")?.[1])
      if (sent) {
        latencies.push(at - sent)
      }
    }
  })
  const sockets = await Promise.all(
    bidders.map(
      (headers) =>
        new Promise<ReturnType<typeof io>>((resolve, reject) => {
          const token = headers.authorization.slice("Bearer ".length)
          const s = io(REALTIME, { transports: ["websocket"], forceNew: true, auth: { token, publishable_key: pk["x-publishable-api-key"] } })
          s.once("connect", () => resolve(s))
          s.once("connect_error", reject)
        })
    )
  )
  await sleep(2000)
  const acks: number[] = []
  const refused = new Map<string, number>()
  let accepted = 0
  const total = RATE * SECONDS
  const started = performance.now()
  const pending: Promise<void>[] = []
  for (let i = 0; i < total; i++) {
    await sleep(Math.max(0, started + (i * 1000) / RATE - performance.now()))
    const sentAt = Date.now()
    pending.push(
      sockets[i % sockets.length]
        .timeout(10_000)
        // With a key per message, as the viewer page sends: the retry-safe path is the one measured.
        .emitWithAck("chat:send", { show_id: id, text: `t=${sentAt} message ${i}`, idempotency_key: randomUUID() })
        .then((ack: { ok: boolean; error?: { code: string } }) => {
          acks.push(Date.now() - sentAt)
          if (ack.ok) {
            accepted++
          } else {
            refused.set(ack.error!.code, (refused.get(ack.error!.code) ?? 0) + 1)
          }
        })
        .catch(() => {
          refused.set("timeout", (refused.get("timeout") ?? 0) + 1)
        })
    )
  }
  await Promise.all(pending)
  const elapsed = (performance.now() - started) / 1000
  await sleep(2000)
  viewers.close()
  sockets.forEach((s) => s.disconnect())
  await http(`/admin/shows/${id}/end`, { method: "POST", headers: admin, body: {} })
  const a = percentiles(acks)
  console.log(
    `  sent ${total} in ${elapsed.toFixed(1)} s: accepted ${accepted} (${(accepted / elapsed).toFixed(1)}/s), refused ${JSON.stringify(Object.fromEntries(refused))}; ` +
      `ack round trip p50 ${a.p50} ms p99 ${a.p99} ms`
  )
  return line("sidecar (chat:send → Store → fan-out)", latencies, accepted * VIEWERS)
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
  const latencies: number[] = []
  const viewers = await connectViewers(`http://127.0.0.1:${port}`, VIEWERS, null, (_viewer, event, payload, at) => {
    if (event === "tick") {
      latencies.push(at - Date.parse(payload.server_time))
    }
  })
  await sleep(2000)
  child.send(`start ${RATE} ${SECONDS}`)
  await waitFor("done")
  await sleep(2000)
  viewers.close()
  child.send("stop")
  return line("bare Socket.io broadcast", latencies, RATE * SECONDS * VIEWERS)
}

async function main() {
  console.log(
    `bench:chat: ${VIEWERS} viewers in one show, ${RATE} messages/s for ${SECONDS} s; ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB; ` +
      `app ${env.BENCH_URL || "http://localhost:9000"}, sidecar ${REALTIME}`
  )
  const a = await ours()
  const b = await bare()
  console.log(`ratio sidecar/bare: p50 ${(a.p50 / b.p50).toFixed(2)}  p99 ${(a.p99 / b.p99).toFixed(2)}`)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
