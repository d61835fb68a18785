import { Counter } from "prom-client"
import { loadRealtimeConfig } from "../../src/realtime/config"
import { createMetrics } from "../../src/realtime/metrics"
import { createRealtimeServer, type RealtimeServer } from "../../src/realtime/server"
import type { PublishedEvent } from "../../src/realtime/contract"
import { publishedEvent } from "../helpers/lot-events"
import { parseExposition, sampleValue, type Family } from "../helpers/prometheus-text"
import { next, untypedCall, viewer, type Viewer } from "../helpers/viewers"

jest.setTimeout(30_000)

const SECRET = "metrics-test-secret"

/** The lot's event number `seq`, stamped now. */
const started = (auction_id: string, seq: number): PublishedEvent => publishedEvent(auction_id, seq, "live_auction.started")

describe("the exposition checker", () => {
  const valid = [
    "# HELP a_total A counter",
    "# TYPE a_total counter",
    "a_total 3",
    "",
    "# TYPE g gauge",
    'g{node="n\\"1\\\\"} -1.5e-3',
    'g{node="n2"} NaN',
    'g{node="n3"} Nan', // prom-client's spelling; Prometheus reads it (Go's ParseFloat ignores case)
    "# TYPE h histogram",
    'h_bucket{le="0.1"} 1',
    'h_bucket{le="1"} 2',
    'h_bucket{le="+Inf"} 2',
    "h_sum 0.6",
    "h_count 2",
    "",
  ].join("\n")

  it("reads a valid exposition", () => {
    const families = parseExposition(valid)
    expect([...families.keys()]).toEqual(["a_total", "g", "h"])
    expect(families.get("a_total")).toMatchObject({ type: "counter", help: "A counter" })
    expect(sampleValue(families, "g", { node: 'n"1\\' })).toBe(-0.0015)
    expect(sampleValue(families, "g", { node: "n3" })).toBeNaN()
    expect(sampleValue(families, "h_bucket", { le: "+Inf" })).toBe(2)
  })

  it.each([
    ["a sample without a TYPE", valid + "orphan 1\n", "no # TYPE"],
    ["a counter not named _total", valid.replace(/a_total/g, "a"), "not named …_total"],
    ["a value that is not a number", valid.replace("a_total 3", "a_total three"), "not a number"],
    ["a series given twice", valid.replace('g{node="n2"}', 'g{node="n\\"1\\\\"}'), "given twice"],
    ["a family split in two groups", valid + "a_total 4\n", "outside its family"],
    ["a second TYPE", valid + "# TYPE g gauge\n", "a second TYPE"],
    ["buckets out of order", valid.replace('le="0.1"} 1', 'le="5"} 1'), "not strictly ascending"],
    ["no +Inf bucket", valid.replace('h_bucket{le="+Inf"} 2\n', ""), 'no le="+Inf"'],
    ["a count that is not the +Inf bucket", valid.replace("h_count 2", "h_count 3"), "differs from the +Inf bucket"],
    ["no _sum", valid.replace("h_sum 0.6\n", ""), "missing _sum"],
    ["non-cumulative buckets", valid.replace('le="1"} 2', 'le="1"} 0'), "not cumulative"],
    ["a bad label", valid.replace('g{node="n2"}', "g{node=n2}"), '="… expected'],
    ["no final line feed", valid.trimEnd(), "line feed"],
  ])("refuses %s", (_name, text, problem) => {
    expect(() => parseExposition(text)).toThrow(problem)
  })
})

describe("the sidecar's /metrics", () => {
  const servers: RealtimeServer[] = []
  const clients: Viewer[] = []

  async function sidecar(node: string) {
    const server = createRealtimeServer(
      loadRealtimeConfig({ REALTIME_PORT: "0", REALTIME_HOST: "127.0.0.1", JWT_SECRET: SECRET, REALTIME_NODE_ID: node })
    )
    servers.push(server)
    return { server, base: `http://127.0.0.1:${await server.listen()}` }
  }
  async function client(base: string) {
    const socket = await viewer(base)
    clients.push(socket)
    return socket
  }
  async function scrape(base: string) {
    const res = await fetch(`${base}/metrics`)
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8")
    return parseExposition(await res.text())
  }

  afterEach(async () => {
    clients.splice(0).forEach((c) => c.disconnect())
    await Promise.all(servers.splice(0).map((s) => s.close()))
  })

  it("is valid Prometheus text with the process's default metrics and ours, counting known traffic", async () => {
    const { server, base } = await sidecar("node-a")
    const watcher = await client(base)
    await client(base)
    await expect(viewer(base, "not-a-jwt")).rejects.toMatchObject({ data: { code: "unauthorized" } })
    ;(watcher as unknown as { emit: (event: string) => void }).emit("time:sync") // no ack: unanswerable
    expect(await untypedCall(watcher, "room:join", [])).toMatchObject({ ok: false, error: { code: "invalid_payload" } })
    await watcher.emitWithAck("room:join", { room: "auction:auc_01M1" })
    const first = next(watcher, "auction:started")
    server.publish(started("auc_01M1", 1))
    await first
    server.publish(started("auc_01M1", 1)) // a duplicate: dropped
    const afterGap = next(watcher, "auction:started")
    server.publish(started("auc_01M1", 3)) // seq 2 never came, and there is no log to read it from
    await afterGap

    const families = await scrape(base)
    const value = (name: string, labels?: Record<string, string>) => sampleValue(families, name, labels)

    // prom-client's defaults: process CPU and memory, V8 heap, event loop, GC.
    expect(families.get("process_cpu_seconds_total")?.type).toBe("counter")
    expect(value("process_cpu_seconds_total")).toBeGreaterThan(0)
    expect(value("process_resident_memory_bytes")).toBeGreaterThan(0)
    expect(value("nodejs_heap_size_used_bytes")).toBeGreaterThan(0)
    expect(families.get("nodejs_eventloop_lag_seconds")?.type).toBe("gauge")
    expect(families.get("nodejs_gc_duration_seconds")?.type).toBe("histogram")

    // Ours: every counter is exposed (at 0 until something happens), and counts this traffic.
    const counters = createMetrics()
      .registry.getMetricsAsArray()
      .filter((m) => m instanceof Counter)
      .map((m) => m.name)
    expect(counters).toHaveLength(17)
    for (const name of counters) {
      expect([name, families.get(name)?.type, value(name)]).toEqual([name, "counter", expect.any(Number)])
    }
    expect(value("live_realtime_events_in_total")).toBe(3)
    expect(value("live_realtime_events_out_total")).toBe(2)
    expect(value("live_realtime_deliveries_total")).toBe(2)
    expect(value("live_realtime_duplicates_dropped_total")).toBe(1)
    expect(value("live_realtime_gaps_total")).toBe(1)
    expect(value("live_realtime_rejected_handshakes_total")).toBe(1)
    expect(value("live_realtime_unanswerable_calls_total")).toBe(1)
    expect(value("live_realtime_invalid_calls_total")).toBe(1)
    expect(value("live_realtime_event_age_seconds_count")).toBe(3)
    expect(value("live_realtime_event_age_seconds_bucket", { le: "+Inf" })).toBe(3)
    expect(value("live_realtime_connections")).toBe(2)
    expect(value("live_realtime_rooms")).toBe(1)
    expect(value("live_realtime_streams")).toBe(1)
    expect(value("live_realtime_info", { node: "node-a" })).toBe(1)

    // Our families are typed by what they are: only counters end in _total, durations in seconds.
    const ours = [...families.values()].filter((f) => f.name.startsWith("live_realtime_"))
    const typeOf = (f: Family) => (f.name.endsWith("_total") ? "counter" : f.name.endsWith("_seconds") ? "histogram" : "gauge")
    expect(ours.map((f) => [f.name, f.type])).toEqual(ours.map((f) => [f.name, typeOf(f)]))
    // The hand-made process figures are gone in favour of prom-client's.
    for (const gone of ["live_realtime_cpu_seconds_total", "live_realtime_resident_memory_bytes", "live_realtime_heap_used_bytes"]) {
      expect(families.has(gone)).toBe(false)
    }
  })

  it("keeps each sidecar's figures apart when several run in one process", async () => {
    const a = await sidecar("node-a")
    const b = await sidecar("node-b")
    const socket = await client(a.base)
    await socket.emitWithAck("room:join", { room: "auction:auc_01M2" })
    const got = next(socket, "auction:started")
    a.server.publish(started("auc_01M2", 1))
    await got

    const [onA, onB] = await Promise.all([scrape(a.base), scrape(b.base)])
    expect(sampleValue(onA, "live_realtime_events_in_total")).toBe(1)
    expect(sampleValue(onB, "live_realtime_events_in_total")).toBe(0)
    expect(sampleValue(onA, "live_realtime_connections")).toBe(1)
    expect(sampleValue(onB, "live_realtime_connections")).toBe(0)
    expect(onA.get("live_realtime_info")?.samples).toEqual([{ name: "live_realtime_info", labels: { node: "node-a" }, value: 1 }])
    expect(onB.get("live_realtime_info")?.samples).toEqual([{ name: "live_realtime_info", labels: { node: "node-b" }, value: 1 }])
    // Both show the process they share.
    expect(sampleValue(onB, "process_cpu_seconds_total")).toBeGreaterThan(0)
  })
})
