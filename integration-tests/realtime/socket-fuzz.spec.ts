import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { Client } from "pg"
import { z } from "zod"
import { ChatErrorCodes, ClientToServerPayloads, RealtimeErrorCodes, type ClientEventName } from "../../src/realtime/contract"
import { loadRealtimeConfig } from "../../src/realtime/config"
import { createRealtimeServer, MAX_FRAME_BYTES, type RealtimeServer } from "../../src/realtime/server"
import { createOutboxReader, type OutboxReader } from "../../src/realtime/transport/outbox-reader"
import { adminHeaders, createBuyers } from "../helpers/actors"
import { createLot, createShow, sleep } from "../helpers/auctions"
import { hostileCalls, type HostileCall } from "../helpers/hostile-calls"
import { createPublishableKeyHeader } from "../helpers/publishable-key"
import { rawSocket, type RawSocket } from "../helpers/raw-socket"

jest.setTimeout(180_000)

// The largest string one frame may carry, with room for the rest of the call. A larger frame
// never reaches a handler: the transport closes that connection (tested on its own below).
const HUGE = MAX_FRAME_BYTES - 2048

/** Any answer the contract allows: ok with data, or a declared code with a message. */
const Answer = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }).strict(),
  z
    .object({
      ok: z.literal(false),
      error: z
        .object({
          code: z.enum([...Object.values(RealtimeErrorCodes), ...Object.values(ChatErrorCodes)]),
          message: z.string().max(300),
          retry_after_ms: z.int().positive().optional(),
        })
        .strict(),
    })
    .strict(),
])

/** A checksum of every row of each of the plugin's tables (`live_%`) in Medusa's database. */
async function pluginTables(url: string): Promise<Record<string, string>> {
  const db = new Client({ connectionString: url })
  await db.connect()
  try {
    const { rows } = await db.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = current_schema() and table_name like 'live\\_%' order by 1"
    )
    const sums: Record<string, string> = {}
    for (const { name } of rows) {
      const sql = `select count(*) as n, md5(coalesce(string_agg(t::text, '' order by t::text), '')) as sum from "${name}" t`
      const { rows: [row] } = await db.query<{ n: string; sum: string }>(sql)
      sums[name] = `${row.n} rows, ${row.sum}`
    }
    return sums
  } finally {
    await db.end()
  }
}

/** The checksums once nothing changes them any more (the app's own work after setup is done). */
async function settledTables(url: string) {
  let last = await pluginTables(url)
  for (let i = 0; i < 20; i++) {
    await sleep(250)
    const now = await pluginTables(url)
    if (JSON.stringify(now) === JSON.stringify(last)) {
      return now
    }
    last = now
  }
  throw new Error("the plugin's tables kept changing before the fuzz began")
}

/**
 * Sends every call at once and waits for the answers: what went wrong, one line per call. Each
 * must be answered once within 2 s, in the contract's shape; a call the event's schema refuses
 * must be refused `invalid_payload`.
 */
async function fuzz(socket: RawSocket, event: string | number, calls: HostileCall[], schema?: z.ZodTuple) {
  const results = await Promise.allSettled(calls.map((c) => socket.call(event, c.args, 2000)))
  await sleep(300) // room for a second answer, which must not come
  const problems: string[] = []
  results.forEach((result, i) => {
    const { name, args } = calls[i]
    if (result.status === "rejected") {
      problems.push(`${name}: ${(result.reason as Error).message}`)
      return
    }
    const { id, answer } = result.value
    const refusedBySchema = schema ? !schema.safeParse(args).success : true
    if (socket.answers(id) !== 1) {
      problems.push(`${name}: answered ${socket.answers(id)} times`)
    }
    if (!Answer.safeParse(answer).success) {
      problems.push(`${name}: not a contract answer: ${JSON.stringify(answer).slice(0, 200)}`)
    }
    const code = (answer as { error?: { code?: string } }).error?.code
    if (refusedBySchema && code !== (schema ? "invalid_payload" : "unknown_event")) {
      problems.push(`${name}: the schema refuses it, but the answer was ${JSON.stringify(answer).slice(0, 200)}`)
    }
  })
  return problems
}

const metric = async (base: string, name: string) =>
  Number(new RegExp(`\\n${name} (\\d+)\\n`).exec(await (await fetch(`${base}/metrics`)).text())?.[1])

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let server: RealtimeServer
    let reader: OutboxReader
    let base: string
    const sockets: RawSocket[] = []

    /** The sidecar in this process, on Medusa's migrated database, as `npm start` runs it. */
    async function sidecar() {
      reader = createOutboxReader(dbConfig.clientUrl)
      const jwtSecret = getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.jwtSecret as string
      // A high join burst, so well-formed joins reach the database check instead of the rate limit.
      // chat:send reaches Medusa's Store route, as under `npm start`.
      const pk = await createPublishableKeyHeader(getContainer())
      const env = {
        REALTIME_PORT: "0",
        REALTIME_HOST: "127.0.0.1",
        JWT_SECRET: jwtSecret,
        REALTIME_JOIN_BURST: "10000",
        MEDUSA_URL: (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL,
        MEDUSA_PUBLISHABLE_KEY: pk["x-publishable-api-key"],
      }
      server = createRealtimeServer(loadRealtimeConfig(env), { reader })
      base = `http://127.0.0.1:${await server.listen()}`
    }
    async function connect(token?: string) {
      const socket = await rawSocket(base, token)
      sockets.push(socket)
      return socket
    }
    /** A real lot in a real show, and a customer: well-formed seeds for the hostile calls. */
    async function world() {
      const admin = await adminHeaders(getContainer(), api)
      const show = await createShow(api, admin)
      const lot = await createLot(api, admin, { show_id: show }, { start: false })
      const [buyer] = await createBuyers(getContainer(), 1)
      const seeds = {
        room: [`auction:${lot}`, `show:${show}`, `user:${buyer.id}`, "auction:auc_01NOSUCHLOT", "show:show_01NOSUCHSHOW", "seller:user_01NOSUCHSELLER"],
        show_id: [show, "show_01NOSUCHSHOW"],
        last_seq: [0, 3],
      }
      return { seeds, buyer }
    }

    beforeEach(sidecar)

    afterEach(async () => {
      sockets.splice(0).forEach((s) => s.close())
      await server.close()
      await reader.close()
    })

    it.each(Object.keys(ClientToServerPayloads) as ClientEventName[])(
      "answers every hostile %s call exactly once, refuses what its schema refuses, never disconnects, and changes no row",
      async (event) => {
        const { seeds, buyer } = await world()
        const before = await settledTables(dbConfig.clientUrl)
        expect(Object.keys(before)).toEqual(expect.arrayContaining(["live_auction", "live_show", "live_auction_event"]))
        const schema = ClientToServerPayloads[event]
        const calls = hostileCalls(schema, seeds, HUGE)
        expect(calls.length).toBeGreaterThan(30)

        const anonymous = await connect()
        const customer = await connect(buyer.token)
        for (const socket of [anonymous, customer]) {
          expect(await fuzz(socket, event, calls, schema)).toEqual([])
        }
        // Calls without an ack cannot be answered: counted, and the connection goes on.
        calls.slice(0, 5).forEach((c) => anonymous.send(event, c.args))
        expect(await fuzz(anonymous, event, calls.slice(0, 5), schema)).toEqual([])
        expect(await metric(base, "live_realtime_unanswerable_calls_total")).toBe(5)

        expect([anonymous.endedByServer(), customer.endedByServer()]).toEqual([null, null])
        expect(server.io.of("/").sockets.size).toBe(2)
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
        expect(await pluginTables(dbConfig.clientUrl)).toEqual(before)
      }
    )

    it("answers calls to events the contract does not declare unknown_event, and changes no row", async () => {
      const before = await settledTables(dbConfig.clientUrl)
      const socket = await connect()
      const calls = [[], [{}], [{ room: "auction:auc_01X" }], ["x".repeat(HUGE)]].map((args, i) => ({ name: `args ${i}`, args }))
      for (const event of ["room:JOIN", "chat:shout", "constructor", "__proto__", "toString", 42, "x".repeat(1000)]) {
        expect(await fuzz(socket, event, calls)).toEqual([])
      }
      expect(socket.endedByServer()).toBeNull()
      expect(await pluginTables(dbConfig.clientUrl)).toEqual(before)
    })

    it("closes only the connection that sends a frame over the limit (a 100 KB room name), unanswered and unparsed", async () => {
      const before = await settledTables(dbConfig.clientUrl)
      const abuser = await connect()
      const bystander = await connect()
      const refused = abuser.call("room:join", [{ room: `auction:auc_${"A".repeat(100_000)}` }], 2000)
      await expect(refused).rejects.toThrow(/no answer/)
      await abuser.closed
      expect(abuser.endedByServer()).toMatch(/transport closed/)
      expect((await bystander.call("time:sync", [])).answer).toMatchObject({ ok: true })
      expect(await pluginTables(dbConfig.clientUrl)).toEqual(before)
    })
  },
})
