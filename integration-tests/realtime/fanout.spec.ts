import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { io as connect, type Socket } from "socket.io-client"
import type { ClientToServerEvents, ServerToClientEvents } from "../../src/realtime/contract"
import { loadRealtimeConfig } from "../../src/realtime/config"
import { createRealtimeServer } from "../../src/realtime/server"
import { listenToPostgres } from "../../src/realtime/transport/pg-listener"
import { adminHeaders, createBuyers } from "../helpers/actors"
import { bid, createLot } from "../helpers/auctions"

jest.setTimeout(120_000)

type Viewer = Socket<ServerToClientEvents, ClientToServerEvents>

/** Resolves with the next `event` the viewer receives. */
function next<E extends keyof ServerToClientEvents>(viewer: Viewer, event: E, timeoutMs = 5000) {
  return new Promise<Parameters<ServerToClientEvents[E]>[0]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs)
    viewer.once(event as never, ((payload: never) => {
      clearTimeout(timer)
      resolve(payload)
    }) as never)
  })
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    it("delivers lot events from a bid over HTTP to the lot's viewers, and replays what a rejoining viewer missed", async () => {
      const server = createRealtimeServer(loadRealtimeConfig({ REALTIME_PORT: "0", REALTIME_HOST: "127.0.0.1" }))
      const port = await server.listen()
      const listener = await listenToPostgres(dbConfig.clientUrl, server.publish)
      const viewers: Viewer[] = []
      const viewer = async () => {
        const socket: Viewer = connect(`http://127.0.0.1:${port}`, { transports: ["websocket"], forceNew: true })
        viewers.push(socket)
        await new Promise((resolve) => socket.once("connect", () => resolve(undefined)))
        return socket
      }
      try {
        const admin = await adminHeaders(getContainer(), api)
        const [A, B] = await createBuyers(getContainer(), 2)
        const id = await createLot(api, admin, {}, { start: false })
        const room = `auction:${id}`

        const watcher = await viewer()
        const joined = await watcher.emitWithAck("room:join", { room })
        expect(joined).toEqual({ ok: true, data: { room, seq: 0, replayed: 0, snapshot_required: false } })

        const started = next(watcher, "auction:started")
        await api.post(`/admin/auctions/${id}/start`, {}, { headers: admin })
        expect(await started).toMatchObject({ room, auction_id: id, seq: 1, ends_at: expect.any(String) })

        const placed = next(watcher, "bid:placed")
        await bid(api, id, A.headers, { amount: 5 })
        const event = await placed
        expect(event).toMatchObject({ room, seq: 2, price: 5, outcome: "leading", bid_count: 1 })
        expect(JSON.stringify(event)).not.toContain(A.id) // viewers never see customer ids

        // A viewer that saw up to seq 1 rejoins: the bid it missed comes first, then the ack.
        const late = await viewer()
        const replayed = next(late, "bid:placed")
        const rejoin = await late.emitWithAck("room:join", { room, last_seq: 1 })
        expect((await replayed).seq).toBe(2)
        expect(rejoin).toEqual({ ok: true, data: { room, seq: 2, replayed: 1, snapshot_required: false } })

        const both = [next(watcher, "bid:placed"), next(late, "bid:placed")]
        await bid(api, id, B.headers, { amount: 6 })
        expect((await Promise.all(both)).map((e) => e.seq)).toEqual([3, 3])

        expect(await watcher.emitWithAck("room:join", { room: "lobby:1" } as never)).toMatchObject({
          ok: false,
          error: { code: "invalid_payload" },
        })
        expect(await watcher.emitWithAck("room:join", { room: `user:${A.id}` })).toMatchObject({
          ok: false,
          error: { code: "unauthorized" },
        })
      } finally {
        viewers.forEach((v) => v.disconnect())
        await listener.close()
        await server.close()
      }
    })
  },
})
