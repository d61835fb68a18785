/**
 * Many Socket.io viewers for benchmarks, speaking the Engine.IO v4 / Socket.IO v5 protocol
 * directly over `ws` (a full socket.io-client per viewer would cost the load generator more
 * CPU than the server under test).
 */
import WebSocket from "ws"

export type OnEvent = (viewer: number, event: string, payload: Record<string, any>, receivedAt: number) => void

export type Viewers = { sockets: WebSocket[]; close: () => void }

function connectOne(base: string, index: number, room: string | null, onEvent: OnEvent): Promise<WebSocket> {
  const url = `${base.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false })
    ws.on("error", reject)
    ws.on("message", (raw: Buffer) => {
      const text = raw.toString()
      if (text === "2") {
        ws.send("3") // Engine.IO ping → pong
      } else if (text.startsWith("42")) {
        const [event, payload] = JSON.parse(text.slice(2))
        onEvent(index, event, payload, Date.now())
      } else if (text.startsWith("0")) {
        ws.send("40") // open → connect to the main namespace
      } else if (text.startsWith("40")) {
        if (room) {
          ws.send(`420${JSON.stringify(["room:join", { room }])}`)
        } else {
          resolve(ws)
        }
      } else if (text.startsWith("430")) {
        resolve(ws) // the join's ack
      }
    })
  })
}

/** Opens `count` viewers, `batch` handshakes at a time, each joined to `room` (null: no join). */
export async function connectViewers(base: string, count: number, room: string | null, onEvent: OnEvent, batch = 200): Promise<Viewers> {
  const sockets: WebSocket[] = []
  for (let start = 0; start < count; start += batch) {
    const size = Math.min(batch, count - start)
    sockets.push(...(await Promise.all(Array.from({ length: size }, (_, i) => connectOne(base, start + i, room, onEvent)))))
  }
  return { sockets, close: () => sockets.forEach((s) => s.terminate()) }
}

/** Per-viewer delivery bookkeeping: latencies, and gaps/duplicates by the contract's prev_seq rule. */
export class DeliveryStats {
  readonly latencies: number[] = []
  /** Per event, the first viewer's latency: the path up to the sidecar, before the fan-out spread. */
  readonly firstBySeq = new Map<number, number>()
  gaps = 0
  duplicates = 0
  private readonly last: Int32Array

  constructor(viewers: number) {
    this.last = new Int32Array(viewers)
  }

  record(viewer: number, seq: number, prevSeq: number, latencyMs: number) {
    this.latencies.push(latencyMs)
    const first = this.firstBySeq.get(seq)
    if (first === undefined || latencyMs < first) {
      this.firstBySeq.set(seq, latencyMs)
    }
    const last = this.last[viewer]
    if (seq <= last) {
      this.duplicates++
    } else if (last > 0 && prevSeq > last) {
      this.gaps++
    }
    this.last[viewer] = Math.max(last, seq)
  }

  /** Viewers that did not reach `seq`. */
  behind(seq: number): number {
    return this.last.filter((s) => s < seq).length
  }
}

export function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN)
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1) ?? NaN }
}
