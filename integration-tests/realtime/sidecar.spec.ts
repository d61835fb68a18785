import jwt from "jsonwebtoken"
import WebSocket from "ws"
import { loadRealtimeConfig } from "../../src/realtime/config"
import { createRealtimeServer, type RealtimeServer } from "../../src/realtime/server"
import { createOutboxReader, type OutboxReader, type StreamRoomIds } from "../../src/realtime/transport/outbox-reader"
import { ClientToServerPayloads, type LiveAuctionEventName, type LotEventPayloads, type PublishedEvent } from "../../src/realtime/contract"
import { publishedEvent } from "../helpers/lot-events"
import { parseExposition, sampleValue } from "../helpers/prometheus-text"
import { chainBreaks, next, record, untypedCall, viewer, type Viewer } from "../helpers/viewers"

jest.setTimeout(60_000)

const SECRET = "sidecar-test-secret"
const sign = (claims: object, secret = SECRET) => jwt.sign(claims, secret, { expiresIn: "1h" })

let seqs = new Map<string, number>()
/** A lot event as the relay publishes it (the next seq of its lot). */
function lotEvent<N extends LiveAuctionEventName>(
  auction_id: string,
  name: N,
  body: Partial<Omit<LotEventPayloads[N], "auction_id" | "seq" | "show_id" | "server_time">> = {},
  show?: { id: string; seq: number }
): PublishedEvent {
  const seq = (seqs.get(auction_id) ?? 0) + 1
  seqs.set(auction_id, seq)
  return publishedEvent(auction_id, seq, name, body, show)
}
/** A database where every lot and show asked about exists. */
const everyRoomExists = async (ids: StreamRoomIds) => ids
const metricsOf = async (base: string) => (await fetch(`${base}/metrics`)).text()
/** An unlabelled series' value, from an exposition that must be valid (see metrics.spec.ts). */
const metric = (text: string, name: string) => sampleValue(parseExposition(text), name)

const bidEvent = (auction: string, price: number, extra: Partial<LotEventPayloads["live_auction.bid_placed"]> = {}) =>
  lotEvent(auction, "live_auction.bid_placed", { price, bid_count: price, ...extra })

describe("realtime sidecar", () => {
  let server: RealtimeServer
  let base: string
  const clients: Viewer[] = []

  async function start(env: Record<string, string> = {}, deps: Parameters<typeof createRealtimeServer>[1] = {}) {
    server = createRealtimeServer(
      loadRealtimeConfig({ REALTIME_PORT: "0", REALTIME_HOST: "127.0.0.1", JWT_SECRET: SECRET, REALTIME_VIEWERS_INTERVAL_MS: "100", ...env }),
      deps
    )
    base = `http://127.0.0.1:${await server.listen()}`
  }
  async function client(token?: string) {
    const socket = await viewer(base, token)
    clients.push(socket)
    return socket
  }

  beforeEach(async () => {
    seqs = new Map()
    await start()
  })

  afterEach(async () => {
    clients.splice(0).forEach((c) => c.disconnect())
    await server.close()
  })

  it("answers time:sync with the server clock in an ok ack, and counts a call without an ack (nothing to answer)", async () => {
    const socket = await client()
    ;(socket as unknown as { emit: (event: string) => void }).emit("time:sync")
    const before = Date.now()
    const res = await socket.timeout(2000).emitWithAck("time:sync")
    expect(res).toEqual({ ok: true, data: { server_time: expect.any(Number) } })
    if (res.ok) {
      expect(res.data.server_time).toBeGreaterThanOrEqual(before)
      expect(res.data.server_time).toBeLessThanOrEqual(Date.now())
    }
    expect(metric(await metricsOf(base), "live_realtime_unanswerable_calls_total")).toBe(1)
  })

  it("answers room:join with an extra argument before the ack, and time:sync with a payload (issue #11, item 6)", async () => {
    const socket = await client()
    const invalid = { ok: false, error: { code: "invalid_payload", message: expect.any(String) } }
    expect(await untypedCall(socket, "room:join", [{ room: "auction:auc_01A1" }, "extra"])).toEqual(invalid)
    expect(await untypedCall(socket, "room:join", [{ room: "auction:auc_01A1" }, { last_seq: 1 }])).toEqual(invalid)
    expect(await untypedCall(socket, "room:join", [])).toEqual(invalid)
    // Strict: time:sync takes no arguments, so a payload is refused rather than ignored.
    expect(await untypedCall(socket, "time:sync", [{ client_time: 1 }])).toEqual(invalid)
    expect(await untypedCall(socket, "room:leave", [{ room: "show:show_01S1" }, null])).toEqual(invalid)
    expect(await untypedCall(socket, "chat:shout", [{ text: "hi" }])).toEqual({ ok: false, error: { code: "unknown_event", message: expect.any(String) } })
    expect(socket.connected).toBe(true)
    expect(metric(await metricsOf(base), "live_realtime_invalid_calls_total")).toBe(6)
  })

  it("handles exactly the client events the contract declares", async () => {
    await client()
    const [socket] = server.io.of("/").sockets.values()
    const reserved = ["disconnect", "disconnecting", "error"]
    expect(socket.eventNames().filter((e) => !reserved.includes(String(e))).sort()).toEqual(Object.keys(ClientToServerPayloads).sort())
  })

  it("refuses a flood of joins to made-up rooms without a stream or a query each, and still admits real rooms (issue #11, item 5)", async () => {
    await server.close()
    const real = "auc_01REAL"
    const asked = { existing: 0, log: 0 }
    const reader: OutboxReader = {
      existing: async (ids) => {
        asked.existing++
        return { auction: ids.auction.filter((id) => id === real), show: [] }
      },
      tail: async () => {
        asked.log++
        return []
      },
      after: async () => {
        asked.log++
        return []
      },
      showSellers: async () => new Map(),
      close: async () => undefined,
    }
    await start({}, { reader })
    const attacker = await client()
    const startedAt = Date.now()
    const made = Array.from({ length: 3000 }, (_, i) => `auction:auc_01FAKE${i}`)
    const answers = await Promise.all(made.map((room) => attacker.timeout(10_000).emitWithAck("room:join", { room })))
    const seconds = (Date.now() - startedAt) / 1000

    const byCode = new Map<string, number>()
    answers.forEach((a) => byCode.set(a.ok ? "ok" : a.error.code, (byCode.get(a.ok ? "ok" : a.error.code) ?? 0) + 1))
    expect([...byCode.keys()].sort()).toEqual(["rate_limited", "room_not_found"])
    // The default bucket: 50 at once, then 10/s. Only those reach the existence check.
    const admitted = 50 + Math.ceil(10 * seconds) + 1
    expect(byCode.get("room_not_found")).toBeLessThanOrEqual(admitted)
    expect(asked.existing).toBeLessThanOrEqual(admitted)
    expect(asked.existing).toBeLessThan(byCode.get("room_not_found")!) // the first burst shares a query
    expect(asked.log).toBe(0)
    const limited = answers.find((a) => !a.ok && a.error.code === "rate_limited")
    expect(limited).toMatchObject({ ok: false, error: { retry_after_ms: expect.any(Number) } })

    // Another connection asking again about rooms just refused is answered from the cache.
    const notFound = made.filter((_, i) => !answers[i].ok && answers[i].error.code === "room_not_found").slice(-10)
    const queriesBefore = asked.existing
    const again = await client()
    for (const room of notFound) {
      expect(await again.emitWithAck("room:join", { room })).toMatchObject({ ok: false, error: { code: "room_not_found" } })
    }
    expect(asked.existing).toBe(queriesBefore)

    let metrics = await metricsOf(base)
    expect(metric(metrics, "live_realtime_streams")).toBe(0)
    expect(metric(metrics, "live_realtime_rooms")).toBe(0)
    expect(metric(metrics, "live_realtime_joins_rate_limited_total")).toBe(byCode.get("rate_limited"))
    expect(metric(metrics, "live_realtime_joins_room_not_found_total")).toBe(byCode.get("room_not_found")! + notFound.length)
    expect(metric(metrics, "live_realtime_room_lookups_total")).toBe(asked.existing)

    // A real lot still joins, from a fresh connection and from the flooding one once it waits.
    expect(await again.emitWithAck("room:join", { room: `auction:${real}` })).toMatchObject({ ok: true })
    await new Promise((r) => setTimeout(r, 200))
    expect(await attacker.emitWithAck("room:join", { room: `auction:${real}` })).toMatchObject({ ok: true })
    metrics = await metricsOf(base)
    expect(metric(metrics, "live_realtime_streams")).toBe(1)
    expect(asked.log).toBe(1) // the real lot's stream, primed from the log once
  })

  it("answers joins unavailable when the database does not say in time whether a room exists", async () => {
    await server.close()
    const hanging: OutboxReader = {
      existing: () => new Promise(() => undefined),
      tail: async () => [],
      after: async () => [],
      showSellers: async () => new Map(),
      close: async () => undefined,
    }
    await start({}, { reader: hanging })
    const socket = await client()
    const startedAt = Date.now()
    expect(await socket.timeout(5000).emitWithAck("room:join", { room: "show:show_01SLOW" })).toEqual({
      ok: false,
      error: { code: "unavailable", message: expect.any(String), retry_after_ms: expect.any(Number) },
    })
    expect(Date.now() - startedAt).toBeLessThan(4000)
    // A lot whose events this node already receives is known to exist: its viewers still join.
    server.publish(lotEvent("auc_01LIVE", "live_auction.started", { ends_at: "2030-01-01T00:00:00.000Z" }))
    expect(await socket.timeout(5000).emitWithAck("room:join", { room: "auction:auc_01LIVE" })).toMatchObject({ ok: true })
    // Private rooms need no lookup: they still join.
    const alice = await client(sign({ actor_type: "customer", actor_id: "cus_01ALICE" }))
    expect(await alice.emitWithAck("room:join", { room: "user:cus_01ALICE" })).toMatchObject({ ok: true })
    expect(metric(await metricsOf(base), "live_realtime_joins_unavailable_total")).toBe(1)
  })

  it("reports health, and Prometheus metrics that count what happened", async () => {
    const socket = await client()
    await client()
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({
      status: "ok",
      node: expect.any(String),
      connections: 2,
      uptime_ms: expect.any(Number),
    })
    await socket.emitWithAck("room:join", { room: "auction:auc_01A1" })
    server.publish(lotEvent("auc_01A1", "live_auction.started", { ends_at: "2030-01-01T00:00:00.000Z" }))
    await next(socket, "auction:started")
    const res = await fetch(`${base}/metrics`)
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0.0.4/)
    const text = await res.text()
    expect(text).toContain("# TYPE live_realtime_events_in_total counter\nlive_realtime_events_in_total 1\n")
    expect(text).toMatch(/\nlive_realtime_deliveries_total 1\n/)
    expect(text).toMatch(/\nlive_realtime_connections 2\n/)
    expect(text).toMatch(/\nlive_realtime_rooms 1\n/)
    // The event was stamped just now: it lands in the lowest buckets of the transport lag.
    expect(text).toContain("# TYPE live_realtime_event_age_seconds histogram\n")
    expect(text).toMatch(/\nlive_realtime_event_age_seconds_bucket\{le="0.1"\} 1\n/)
    expect(text).toMatch(/\nlive_realtime_event_age_seconds_count 1\n/)
    expect((await fetch(`${base}/nope`)).status).toBe(404)
  })

  it("lets anonymous viewers watch public rooms, opens private rooms only to their owner, and refuses bad tokens", async () => {
    const anonymous = await client()
    expect(await anonymous.emitWithAck("room:join", { room: "show:show_01S1" })).toMatchObject({ ok: true })
    expect(await anonymous.emitWithAck("room:join", { room: "user:cus_01ALICE" })).toMatchObject({
      ok: false,
      error: { code: "unauthorized" },
    })

    const alice = await client(sign({ actor_type: "customer", actor_id: "cus_01ALICE" }))
    expect(await alice.emitWithAck("room:join", { room: "user:cus_01ALICE" })).toMatchObject({ ok: true })
    expect(await alice.emitWithAck("room:join", { room: "user:cus_01BOB" })).toMatchObject({ ok: false, error: { code: "unauthorized" } })
    expect(await alice.emitWithAck("room:join", { room: "seller:user_01ALICE" })).toMatchObject({ ok: false, error: { code: "unauthorized" } })

    const seller = await client(sign({ actor_type: "user", actor_id: "user_01SELLER9" }))
    expect(await seller.emitWithAck("room:join", { room: "seller:user_01SELLER9" })).toMatchObject({ ok: true })
    expect(await seller.emitWithAck("room:join", { room: "seller:user_01SELLER8" })).toMatchObject({ ok: false })
    // A seller's realtime token (POST /admin/live/realtime-token) opens their own console only.
    const sellerToken = await client(sign({ actor_type: "user", actor_id: "user_01SELLER7", live_role: "seller" }))
    expect(await sellerToken.emitWithAck("room:join", { room: "seller:user_01SELLER7" })).toMatchObject({ ok: true })
    expect(await sellerToken.emitWithAck("room:join", { room: "seller:user_01SELLER8" })).toMatchObject({ ok: false })
    // Platform staff's token (`live_role: "staff"`) watches any seller's console; a customer's cannot claim it.
    const staff = await client(sign({ actor_type: "user", actor_id: "user_01STAFF", live_role: "staff" }))
    expect(await staff.emitWithAck("room:join", { room: "seller:user_01SELLER8" })).toMatchObject({ ok: true })
    expect(await staff.emitWithAck("room:join", { room: "user:cus_01ALICE" })).toMatchObject({ ok: false })
    const posing = await client(sign({ actor_type: "customer", actor_id: "cus_01BOB", live_role: "staff" }))
    expect(await posing.emitWithAck("room:join", { room: "seller:user_01SELLER8" })).toMatchObject({ ok: false })

    for (const token of [sign({ actor_type: "customer", actor_id: "cus_01ALICE" }, "another-secret"), "not-a-jwt", jwt.sign({ actor_type: "customer", actor_id: "x", exp: 1 }, SECRET)]) {
      await expect(viewer(base, token)).rejects.toMatchObject({ message: expect.stringMatching(/token/i), data: { code: "unauthorized" } })
    }
    expect(await (await fetch(`${base}/metrics`)).text()).toMatch(/\nlive_realtime_rejected_handshakes_total 3\n/)

    // Bad payloads get an error ack and change nothing.
    expect(await anonymous.emitWithAck("room:join", { room: "lobby:1" } as never)).toMatchObject({ ok: false, error: { code: "invalid_payload" } })
    expect(await anonymous.emitWithAck("room:join", { room: "auction:auc_01A1", last_seq: -1 })).toMatchObject({ ok: false, error: { code: "invalid_payload" } })
    expect(await anonymous.emitWithAck("room:leave", null as never)).toMatchObject({ ok: false, error: { code: "invalid_payload" } })
  })

  it("sends private notices to the outbid leader and the winner only", async () => {
    const alice = await client(sign({ actor_type: "customer", actor_id: "cus_01A" }))
    const bob = await client(sign({ actor_type: "customer", actor_id: "cus_01B" }))
    await alice.emitWithAck("room:join", { room: "user:cus_01A" })
    await bob.emitWithAck("room:join", { room: "user:cus_01B" })
    const bobNotices: string[] = []
    bob.onAny((event) => bobNotices.push(event))

    const outbid = next(alice, "auction:outbid")
    server.publish(bidEvent("auc_01A1", 5, { customer_id: "cus_01A", previous_leader_customer_id: null }))
    server.publish(bidEvent("auc_01A1", 6, { customer_id: "cus_01B", previous_leader_customer_id: "cus_01A" }))
    expect(await outbid).toMatchObject({ room: "user:cus_01A", auction_id: "auc_01A1", seq: 2, price: 6 })
    const won = next(bob, "auction:won")
    server.publish(lotEvent("auc_01A1", "live_auction.closed", { status: "sold", winner_customer_id: "cus_01B", hammer_price: 6, currency_code: "usd" }))
    expect(await won).toMatchObject({ room: "user:cus_01B", auction_id: "auc_01A1", seq: 3, hammer_price: 6, currency_code: "usd" })
    expect(bobNotices).toEqual(["auction:won"])
    // A re-published (duplicate) event notifies nobody twice.
    server.publish(publishedEvent("auc_01A1", 2, "live_auction.bid_placed", { customer_id: "cus_01B", previous_leader_customer_id: "cus_01A", price: 6 }))
    await new Promise((r) => setTimeout(r, 100))
    expect(bobNotices).toEqual(["auction:won"])
  })

  it("sends settlement notices to their customer's room only, on every connection of theirs", async () => {
    const alice = await client(sign({ actor_type: "customer", actor_id: "cus_01A" }))
    const aliceAgain = await client(sign({ actor_type: "customer", actor_id: "cus_01A" }))
    const bob = await client(sign({ actor_type: "customer", actor_id: "cus_01B" }))
    for (const [socket, room] of [[alice, "user:cus_01A"], [aliceAgain, "user:cus_01A"], [bob, "user:cus_01B"]] as const) {
      await socket.emitWithAck("room:join", { room })
    }
    const bobNotices: string[] = []
    bob.onAny((event) => bobNotices.push(event))

    const due = [next(alice, "auction:payment_due"), next(aliceAgain, "auction:payment_due")]
    const offerNotice = { auction_id: "auc_01A1", offer_id: "loff_1", rank: 0, amount: 12, currency_code: "usd", due_at: "2030-01-01T00:00:00.000Z", cart_id: "cart_1", server_time: "2029-12-31T00:00:00.000Z" }
    server.notify({
      customer_id: "cus_01A",
      event: "auction:payment_due",
      payload: offerNotice,
    })
    for (const notice of await Promise.all(due)) {
      expect(notice).toMatchObject({ room: "user:cus_01A", auction_id: "auc_01A1", offer_id: "loff_1", amount: 12, cart_id: "cart_1" })
    }
    const failed = next(alice, "auction:charge_failed")
    server.notify({
      customer_id: "cus_01A",
      event: "auction:charge_failed",
      payload: { ...offerNotice, charge_status: "declined", reason: "Your card was declined." },
    })
    expect(await failed).toMatchObject({ charge_status: "declined", reason: "Your card was declined." })
    await new Promise((r) => setTimeout(r, 100))
    expect(bobNotices).toEqual([])
  })

  it("conflates a burst of price updates to the latest, never drops the close, and keeps prev_seq honest", async () => {
    const socket = await client()
    const seen = record(socket)
    await socket.emitWithAck("room:join", { room: "auction:auc_01HOT" })
    for (let price = 1; price <= 30; price++) {
      server.publish(bidEvent("auc_01HOT", price))
    }
    server.publish(lotEvent("auc_01HOT", "live_auction.extended", { ends_at: "2030-01-01T00:00:00.000Z", extension_count: 1 }))
    for (let price = 31; price <= 40; price++) {
      server.publish(bidEvent("auc_01HOT", price))
    }
    await new Promise((r) => setTimeout(r, 250))
    server.publish(lotEvent("auc_01HOT", "live_auction.closed", { status: "sold", hammer_price: 40, currency_code: "usd" }))
    await seen.until("auction:auc_01HOT", 42)
    const events = seen.events("auction:auc_01HOT")
    // 10/s with a burst of 5: seqs 1-5 go at once; 6-30 wait for a token and the extension flushes
    // the latest (30) first; 32-41 wait again and only the latest (41) goes out; the close follows it.
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 30, 31, 41, 42])
    expect(events.map((e) => e.event).slice(5)).toEqual(["bid:placed", "auction:extended", "bid:placed", "auction:closed"])
    expect(events[7].price).toBe(40)
    expect(chainBreaks(events)).toEqual([])
    expect(await (await fetch(`${base}/metrics`)).text()).toMatch(/\nlive_realtime_conflated_total 33\n/)
  })

  it("keeps counting a show's viewers while the lookup of its seller hangs", async () => {
    // The database behind the seller lookup stops answering: the viewer counts (and the report to
    // peer sidecars) must not wait on it.
    await server.close()
    let lookups = 0
    const hanging: OutboxReader = {
      existing: everyRoomExists,
      tail: async () => [],
      after: async () => [],
      showSellers: () => {
        lookups++
        return new Promise(() => undefined)
      },
      close: async () => undefined,
    }
    await start({}, { reader: hanging })
    const seller = await client(sign({ actor_type: "user", actor_id: "user_01SELLER1" }))
    expect(await seller.emitWithAck("room:join", { room: "seller:user_01SELLER1" })).toMatchObject({ ok: true })
    const first = await client()
    await first.emitWithAck("room:join", { room: "show:show_01HANG" })
    await new Promise((r) => setTimeout(r, 300)) // a few ticks: the lookup is under way, and stuck
    expect(lookups).toBeGreaterThan(0)
    const counted = next(first, "show:viewers", 2000)
    const second = await client()
    await second.emitWithAck("room:join", { room: "show:show_01HANG" })
    expect(await counted).toMatchObject({ room: "show:show_01HANG", viewers: 2 })
  })

  it("delivers a lot's events to its show's room with the show's own seq, and counts the show's viewers", async () => {
    const lotViewer = await client()
    const showViewer = await client()
    await lotViewer.emitWithAck("room:join", { room: "auction:auc_01L1" })
    const viewers = next(showViewer, "show:viewers")
    await showViewer.emitWithAck("room:join", { room: "show:show_01SH1" })
    expect(await viewers).toMatchObject({ room: "show:show_01SH1", show_id: "show_01SH1", viewers: 1 })
    const more = next(showViewer, "show:viewers", 2000)
    const third = await client()
    await third.emitWithAck("room:join", { room: "show:show_01SH1" })
    expect(await more).toMatchObject({ viewers: 2 })

    const inLot = next(lotViewer, "auction:started")
    const inShow = next(showViewer, "auction:started")
    seqs.set("auc_01L1", 6) // a lot with history, in a show that already had 11 events
    server.publish(lotEvent("auc_01L1", "live_auction.started", { ends_at: "2030-01-01T00:00:00.000Z" }, { id: "show_01SH1", seq: 12 }))
    expect(await inLot).toMatchObject({ room: "auction:auc_01L1", seq: 7, auction_seq: 7, prev_seq: 6 })
    expect(await inShow).toMatchObject({ room: "show:show_01SH1", seq: 12, auction_seq: 7, prev_seq: 11, auction_id: "auc_01L1", show_id: "show_01SH1" })
  })

  it("does not count a seller's console in a show's room as a viewer, and gives it the show's chat (issue #16)", async () => {
    const console_ = await client(sign({ actor_type: "user", actor_id: "user_01SELLER2", live_role: "seller" }))
    const greeted = next(console_, "show:viewers")
    expect(await console_.emitWithAck("room:join", { room: "show:show_01CHAT" })).toMatchObject({ ok: true })
    expect(await greeted).toMatchObject({ show_id: "show_01CHAT", viewers: 0 })
    const counted = next(console_, "show:viewers", 2000)
    const watcher = await client()
    await watcher.emitWithAck("room:join", { room: "show:show_01CHAT" })
    expect(await counted).toMatchObject({ viewers: 1 })

    const said = next(console_, "chat:deleted")
    server.chat({ show_id: "show_01CHAT", event: "chat:deleted", payload: { show_id: "show_01CHAT", message_id: "chmsg_01", seq: 3 } })
    expect(await said).toMatchObject({ room: "show:show_01CHAT", message_id: "chmsg_01", seq: 3 })
  })

  it("replays what a rejoining client missed, and asks for a snapshot past the buffer", async () => {
    await server.close()
    await start({ REALTIME_REPLAY_BUFFER: "5" })
    const first = await client()
    await first.emitWithAck("room:join", { room: "auction:auc_01R1" })
    for (let i = 0; i < 8; i++) {
      server.publish(lotEvent("auc_01R1", "live_auction.extended", { ends_at: "2030-01-01T00:00:00.000Z", extension_count: i + 1 }))
    }
    const late = await client()
    const seen = record(late)
    expect(await late.emitWithAck("room:join", { room: "auction:auc_01R1", last_seq: 5 })).toEqual({
      ok: true,
      data: { room: "auction:auc_01R1", seq: 8, replayed: 3, snapshot_required: false },
    })
    expect(seen.events("auction:auc_01R1").map((e) => e.seq)).toEqual([6, 7, 8])
    expect(await late.emitWithAck("room:join", { room: "auction:auc_01R1", last_seq: 2 })).toEqual({
      ok: true,
      data: { room: "auction:auc_01R1", seq: 8, replayed: 0, snapshot_required: true },
    })
    expect(await late.emitWithAck("room:join", { room: "auction:auc_01R1", last_seq: 8 })).toMatchObject({ data: { replayed: 0, snapshot_required: false } })
  })

  it("disconnects a client that stops reading once its buffer passes the limit, and keeps serving the others", async () => {
    await server.close()
    await start({ REALTIME_MAX_CLIENT_BUFFER_BYTES: "65536" })
    const healthy = await client()
    const seen = record(healthy)
    await healthy.emitWithAck("room:join", { room: "auction:auc_01FLOOD" })

    // A raw Engine.IO/Socket.IO client that joins, then stops reading its socket.
    const port = new URL(base).port
    const stuck = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`)
    const closed = new Promise<number>((resolve) => stuck.once("close", (code) => resolve(code)))
    await new Promise<void>((resolve) => {
      stuck.on("message", (raw) => {
        const text = raw.toString()
        if (text.startsWith("0")) stuck.send("40")
        else if (text.startsWith("40")) stuck.send(`420["room:join",{"room":"auction:auc_01FLOOD"}]`)
        else if (text.startsWith("430")) resolve()
      })
    })
    ;(stuck as unknown as { _socket: { pause: () => void } })._socket.pause()

    const padding = "x".repeat(1000)
    let published = 0
    const deadline = Date.now() + 20_000
    // Until the server lets it go (the paused client cannot see the close until it reads again).
    while (server.io.of("/").sockets.size > 1 && Date.now() < deadline) {
      for (let i = 0; i < 200; i++) {
        server.publish(lotEvent("auc_01FLOOD", "live_auction.extended", { ends_at: padding, extension_count: ++published }))
      }
      await new Promise((r) => setTimeout(r, 10))
    }
    ;(stuck as unknown as { _socket: { resume: () => void } })._socket.resume()
    expect(server.io.of("/").sockets.size).toBe(1)
    expect(await closed).toBeDefined()
    expect(stuck.readyState).toBe(WebSocket.CLOSED)
    const metrics = await (await fetch(`${base}/metrics`)).text()
    expect(metrics).toMatch(/\nlive_realtime_slow_consumer_disconnects_total 1\n/)
    await seen.until("auction:auc_01FLOOD", published, 20_000)
    expect(chainBreaks(seen.events("auction:auc_01FLOOD"))).toEqual([])
    expect(healthy.connected).toBe(true)
  })
})

describe("realtime sidecar whose event log is ahead of its transport", () => {
  it("still sends a private notice when the log already held the event it arrives with", async () => {
    // A lot new to this sidecar is primed from the log, which can already hold the bid whose
    // NOTIFY or Redis message is still on its way (the outbox row commits first).
    const won = publishedEvent("auc_01EARLY", 2, "live_auction.closed", { winner_customer_id: "cus_01W", hammer_price: 9 })
    const started = publishedEvent("auc_01EARLY", 1, "live_auction.started")
    const reader: OutboxReader = {
      existing: everyRoomExists,
      tail: async () => [started, won],
      after: async () => [],
      showSellers: async () => new Map(),
      close: async () => undefined,
    }
    const config = loadRealtimeConfig({ REALTIME_PORT: "0", REALTIME_HOST: "127.0.0.1", JWT_SECRET: SECRET })
    const server = createRealtimeServer(config, { reader })
    const base = `http://127.0.0.1:${await server.listen()}`
    const winner = await viewer(base, sign({ actor_type: "customer", actor_id: "cus_01W" }))
    try {
      await winner.emitWithAck("room:join", { room: "user:cus_01W" })
      const notice = next(winner, "auction:won")
      server.publish(started) // the room is new here: primed from the log, which has seq 2 already
      await new Promise((r) => setTimeout(r, 50))
      server.publish(won)
      expect(await notice).toMatchObject({ auction_id: "auc_01EARLY", hammer_price: 9 })
      const metrics = await (await fetch(`${base}/metrics`)).text()
      expect(metrics).toMatch(/\nlive_realtime_duplicates_dropped_total 2\n/) // both live copies were in the log: not re-sent to the room
    } finally {
      winner.disconnect()
      await server.close()
    }
  })
})

describe("realtime sidecar whose room heard nothing before a loss (found by the fault suite)", () => {
  /** A lot whose log the test writes to: the sidecar reads it as it would Medusa's outbox. */
  function loggedLot(id: string) {
    const events: PublishedEvent[] = []
    const reader: OutboxReader = {
      existing: everyRoomExists,
      tail: async () => events.slice(-500),
      after: async (_room, seq) => events.filter((e) => e.seq > seq),
      showSellers: async () => new Map(),
      close: async () => undefined,
    }
    const write = <N extends LiveAuctionEventName>(name: N, body: Partial<Omit<LotEventPayloads[N], "auction_id" | "seq" | "show_id" | "server_time">> = {}) => {
      const event = publishedEvent(id, events.length + 1, name, body)
      events.push(event)
      return event
    }
    return { reader, write }
  }

  async function watch(reader: OutboxReader, room: string) {
    const server = createRealtimeServer(loadRealtimeConfig({ REALTIME_PORT: "0", REALTIME_HOST: "127.0.0.1" }), { reader })
    const socket = await viewer(`http://127.0.0.1:${await server.listen()}`)
    const seen = record(socket)
    expect(await socket.emitWithAck("room:join", { room })).toMatchObject({ ok: true, data: { seq: 0 } })
    return { server, socket, seen }
  }

  it("fills the lot's first events from the log when its first live event is not seq 1", async () => {
    const lot = loggedLot("auc_01LATE")
    const { server, socket, seen } = await watch(lot.reader, "auction:auc_01LATE") // the log is empty: the lot has not started
    try {
      lot.write("live_auction.started", { started_at: new Date().toISOString(), ends_at: new Date().toISOString() })
      lot.write("live_auction.bid_placed", { price: 5, outcome: "leading", bidder: "bidder-aaaaaa", leader: "bidder-aaaaaa", bid_count: 1 })
      server.publish(lot.write("live_auction.bid_placed", { price: 6, outcome: "leading", bidder: "bidder-bbbbbb", leader: "bidder-bbbbbb", bid_count: 2 }))
      await seen.until("auction:auc_01LATE", 3)
      const events = seen.events("auction:auc_01LATE")
      expect(events.map((e) => [e.seq, e.event])).toEqual([
        [1, "auction:started"],
        [2, "bid:placed"],
        [3, "bid:placed"],
      ])
      expect(chainBreaks(events)).toEqual([])
    } finally {
      socket.disconnect()
      await server.close()
    }
  })

  it("catches up, after the transport reconnects, a room that has heard nothing yet", async () => {
    const lot = loggedLot("auc_01QUIET")
    const { server, socket, seen } = await watch(lot.reader, "auction:auc_01QUIET")
    try {
      // The lot starts and takes a bid while the transport is down: nothing arrives live.
      lot.write("live_auction.started", { started_at: new Date().toISOString(), ends_at: new Date().toISOString() })
      lot.write("live_auction.bid_placed", { price: 5, outcome: "leading", bidder: "bidder-aaaaaa", leader: "bidder-aaaaaa", bid_count: 1 })
      server.resync()
      await seen.until("auction:auc_01QUIET", 2)
      expect(chainBreaks(seen.events("auction:auc_01QUIET"))).toEqual([])
    } finally {
      socket.disconnect()
      await server.close()
    }
  })
})

describe("realtime sidecar with its event log unreachable", () => {
  it("delivers what it has (counting the gap) and retries the log later instead of hammering it", async () => {
    // Nothing listens on port 1: every read of the log fails at once. (The lot is known to exist:
    // only the event log is away.)
    const reader = createOutboxReader("postgres://postgres@127.0.0.1:1/nowhere")
    const deps = { reader: { ...reader, existing: everyRoomExists } }
    const server = createRealtimeServer(loadRealtimeConfig({ REALTIME_PORT: "0", REALTIME_HOST: "127.0.0.1" }), deps)
    const base = `http://127.0.0.1:${await server.listen()}`
    const socket = await viewer(base)
    try {
      const seen = record(socket)
      expect(await socket.emitWithAck("room:join", { room: "auction:auc_01LOST" })).toMatchObject({ ok: true })
      const event = (seq: number) => publishedEvent("auc_01LOST", seq, "live_auction.extended", { extension_count: seq })
      server.publish(event(1))
      server.publish(event(3)) // 2 was lost, and the log cannot be read
      server.publish(event(5)) // within the retry pause: no second read
      await seen.until("auction:auc_01LOST", 5)
      expect(seen.events("auction:auc_01LOST").map((e) => [e.seq, e.prev_seq])).toEqual([[1, 0], [3, 1], [5, 3]])
      const metrics = await (await fetch(`${base}/metrics`)).text()
      expect(metrics).toMatch(/\nlive_realtime_catch_ups_total 1\n/)
      expect(metrics).toMatch(/\nlive_realtime_gaps_total 2\n/)
    } finally {
      socket.disconnect()
      await server.close()
      await reader.close()
    }
  })
})

describe("loadRealtimeConfig", () => {
  it("reads the environment with defaults", () => {
    expect(loadRealtimeConfig({ REALTIME_NODE_ID: "n1" })).toEqual({
      port: 9001,
      host: "0.0.0.0",
      path: "/socket.io",
      corsOrigins: "*",
      nodeId: "n1",
      replayBuffer: 500,
      priceUpdatesPerSecond: 10,
      maxClientBufferBytes: 1_048_576,
      viewersIntervalMs: 2000,
      joinBurst: 50,
      joinsPerSecond: 10,
    })
    // An empty variable (as `REDIS_URL=` in a .env file) is unset, not invalid.
    expect(loadRealtimeConfig({ REDIS_URL: "", DATABASE_URL: "", JWT_SECRET: "" })).toMatchObject({
      redisUrl: undefined,
      databaseUrl: undefined,
      jwtSecret: undefined,
    })
    expect(loadRealtimeConfig({ REALTIME_CORS_ORIGINS: "https://a.example, https://b.example" }).corsOrigins).toEqual([
      "https://a.example",
      "https://b.example",
    ])
  })

  it("fails with one line naming the bad variable", () => {
    expect(() => loadRealtimeConfig({ REALTIME_PORT: "lots" })).toThrow(/^realtime: invalid environment: REALTIME_PORT/)
    expect(() => loadRealtimeConfig({ REALTIME_PATH: "io" })).toThrow(/REALTIME_PATH/)
    expect(() => loadRealtimeConfig({ REDIS_URL: "localhost:6379" })).toThrow(/REDIS_URL/)
    expect(() => loadRealtimeConfig({ REALTIME_JOIN_BURST: "0" })).toThrow(/REALTIME_JOIN_BURST/)
    expect(() => loadRealtimeConfig({ REALTIME_JOINS_PER_SECOND: "1.5" })).toThrow(/REALTIME_JOINS_PER_SECOND/)
  })
})
