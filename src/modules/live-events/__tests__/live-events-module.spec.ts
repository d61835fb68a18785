import { randomUUID } from "node:crypto"
import knexFactory from "knex"
import Redis from "ioredis"
import { Client } from "pg"
import { PG_EVENTS_CHANNEL, REDIS_EVENTS_CHANNEL, type LiveMessage } from "../../../realtime/contract/transport"
import { dispatchTransportMessage } from "../../../realtime/transport/outbox-event"
import LiveEventsModuleService from "../service"

jest.setTimeout(30_000)

// The pipeline against a real PostgreSQL (LISTEN/NOTIFY) and a real Redis, and read back by the
// sidecar's own parser: what Medusa sends is what the sidecars understand.
const connection = {
  host: process.env.DB_HOST || "localhost",
  port: Number(process.env.DB_PORT || 5432),
  user: process.env.DB_USERNAME || "postgres",
  password: process.env.DB_PASSWORD || "",
  database: "postgres",
}
const redisUrl = process.env.REDIS_URL_FOR_TESTS || "redis://127.0.0.1:6379"
const options = { realtime: { url: "https://live.example.com" } }

const showUpdate = (n: number): LiveMessage => ({
  show: {
    show_id: `show_${n}`,
    seller_id: "user_1",
    status: "live",
    started_at: new Date(0).toISOString(),
    ended_at: null,
    publisher_status: "offline",
    recording_url: null,
  },
})
const notice: LiveMessage = {
  notice: {
    customer_id: "cus_1",
    event: "auction:forfeited",
    payload: {
      auction_id: "auc_1",
      offer_id: "offer_1",
      rank: 0,
      amount: 12,
      currency_code: "usd",
      due_at: new Date(0).toISOString(),
      cart_id: null,
      server_time: new Date(0).toISOString(),
    },
  },
}
const lotEvent: LiveMessage = {
  auction_id: "auc_1",
  seq: 3,
  name: "live_auction.cancelled",
  payload: { auction_id: "auc_1", seq: 3, show_id: "show_1", server_time: new Date(0).toISOString() },
  show_id: "show_1",
  show_seq: 9,
}

/** What a sidecar makes of raw transport messages: show ids, notice events and lot seqs, in order. */
function asSidecarSees(raws: string[]): string[] {
  const seen: string[] = []
  for (const raw of raws) {
    dispatchTransportMessage(raw, {
      onEvent: (e) => seen.push(`lot:${e.auction_id}#${e.seq}/show#${e.show_seq}`),
      onNotice: (n) => seen.push(`notice:${n.event}`),
      onShowUpdate: (u) => seen.push(`show:${u.show_id}`),
    })
  }
  return seen
}

const until = async (check: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) {
      throw new Error("timed out")
    }
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe("live-events pipeline on PostgreSQL NOTIFY (no Redis configured)", () => {
  const db = knexFactory({ client: "pg", connection, pool: { min: 0, max: 4 } })
  const listener = new Client(connection)
  const received: string[] = []
  const service = new LiveEventsModuleService({ __pg_connection__: db }, options)

  beforeAll(async () => {
    await listener.connect()
    listener.on("notification", (m) => m.channel === PG_EVENTS_CHANNEL && received.push(m.payload ?? ""))
    await listener.query(`listen ${PG_EVENTS_CHANNEL}`)
  })
  afterAll(async () => {
    await listener.end()
    await db.destroy()
  })
  beforeEach(() => {
    received.length = 0
  })

  it("uses NOTIFY, one per message, in order, each read by the sidecar as sent", async () => {
    expect(service.transport()).toBe("pg_notify")
    await service.publish([showUpdate(1), notice, lotEvent, showUpdate(2)])
    await until(() => received.length === 4)
    expect(received.map((raw) => JSON.parse(raw))).toEqual([showUpdate(1), notice, lotEvent, showUpdate(2)])
    expect(asSidecarSees(received)).toEqual(["show:show_1", "notice:auction:forfeited", "lot:auc_1#3/show#9", "show:show_2"])
  })

  it("in the caller's transaction: nothing leaves before its commit, all of it at the commit", async () => {
    const trx = await db.transaction()
    await service.publish([showUpdate(10), showUpdate(11)], { transactionManager: trx })
    // A message sent outside after it arrives first: the transaction's are still held.
    await service.publish([showUpdate(12)])
    await until(() => received.length === 1)
    expect(asSidecarSees(received)).toEqual(["show:show_12"])
    await trx.commit()
    await until(() => received.length === 3)
    expect(asSidecarSees(received)).toEqual(["show:show_12", "show:show_10", "show:show_11"])
  })

  it("in a caller's transaction that rolls back: never delivered", async () => {
    const trx = await db.transaction()
    await service.publish([showUpdate(20), notice], { transactionManager: trx })
    await trx.rollback()
    // NOTIFYs arrive in commit order: once this marker is in, anything from the rollback would be.
    await service.publish([showUpdate(21)])
    await until(() => received.length >= 1)
    await new Promise((r) => setTimeout(r, 200))
    expect(asSidecarSees(received)).toEqual(["show:show_21"])
  })

  it("joins a transaction given the way an entity manager exposes one (getTransactionContext)", async () => {
    await db.transaction(async (trx) => {
      await service.publish([showUpdate(30)], { transactionManager: { getTransactionContext: () => trx } })
      await service.publish([showUpdate(31)])
      await until(() => received.length === 1)
    })
    await until(() => received.length === 2)
    expect(asSidecarSees(received)).toEqual(["show:show_31", "show:show_30"])
  })

  it("sends nothing for no messages, and refuses options it cannot use", async () => {
    await service.publish([])
    await service.publish([showUpdate(40)])
    await until(() => received.length === 1)
    expect(asSidecarSees(received)).toEqual(["show:show_40"])
    expect(() => new LiveEventsModuleService({ __pg_connection__: db }, { realtime: { redisUrl: "http://x" } })).toThrow(
      "redisUrl"
    )
  })
})

describe("live-events pipeline on Redis (realtime.redisUrl)", () => {
  const db = knexFactory({ client: "pg", connection, pool: { min: 0, max: 2 } })
  const subscriber = new Redis(redisUrl)
  const received: string[] = []
  const service = new LiveEventsModuleService({ __pg_connection__: db }, { realtime: { ...options.realtime, redisUrl } })

  beforeAll(async () => {
    subscriber.on("message", (channel, message) => channel === REDIS_EVENTS_CHANNEL && received.push(message))
    await subscriber.subscribe(REDIS_EVENTS_CHANNEL)
  })
  afterAll(async () => {
    await service.__hooks.onApplicationShutdown?.()
    subscriber.disconnect()
    await db.destroy()
  })

  it("publishes one Redis message per call, the sidecar reading every item in order", async () => {
    expect(service.transport()).toBe("redis")
    const marker = showUpdate(Number.parseInt(randomUUID().slice(0, 6), 16))
    await service.publish([lotEvent, notice, marker])
    await until(() => received.some((raw) => raw.includes((marker as { show: { show_id: string } }).show.show_id)))
    const mine = received.filter((raw) => raw.includes((marker as { show: { show_id: string } }).show.show_id))
    expect(mine).toHaveLength(1)
    expect(asSidecarSees(mine)).toEqual([
      "lot:auc_1#3/show#9",
      "notice:auction:forfeited",
      `show:${(marker as { show: { show_id: string } }).show.show_id}`,
    ])
  })

  it("fails fast when Redis is away, so a caller in a transaction rolls back and retries", async () => {
    const away = new LiveEventsModuleService({ __pg_connection__: db }, { realtime: { redisUrl: "redis://127.0.0.1:1" } })
    const started = Date.now()
    await expect(away.publish([showUpdate(50)])).rejects.toThrow()
    expect(Date.now() - started).toBeLessThan(3_000)
    await away.__hooks.onApplicationShutdown?.()
  })
})
