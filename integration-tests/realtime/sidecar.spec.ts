import { io as connect, type Socket } from "socket.io-client"
import type { ClientToServerEvents, ServerToClientEvents } from "../../src/realtime/contract"
import { loadRealtimeConfig } from "../../src/realtime/config"
import { createRealtimeServer, type RealtimeServer } from "../../src/realtime/server"

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>

describe("realtime sidecar", () => {
  let server: RealtimeServer
  let base: string
  const clients: ClientSocket[] = []

  beforeAll(async () => {
    server = createRealtimeServer(loadRealtimeConfig({ REALTIME_PORT: "0", REALTIME_HOST: "127.0.0.1" }))
    const port = await server.listen()
    base = `http://127.0.0.1:${port}`
  })

  afterEach(() => {
    clients.splice(0).forEach((c) => c.disconnect())
  })

  afterAll(async () => {
    await server.close()
  })

  function client(): Promise<ClientSocket> {
    const socket: ClientSocket = connect(base, { transports: ["websocket"], forceNew: true })
    clients.push(socket)
    return new Promise((resolve, reject) => {
      socket.once("connect", () => resolve(socket))
      socket.once("connect_error", reject)
    })
  }

  it("answers time:sync with the server clock in an ok ack", async () => {
    const socket = await client()
    const before = Date.now()
    const res = await socket.timeout(2000).emitWithAck("time:sync")
    expect(res).toEqual({ ok: true, data: { server_time: expect.any(Number) } })
    if (res.ok) {
      expect(res.data.server_time).toBeGreaterThanOrEqual(before)
      expect(res.data.server_time).toBeLessThanOrEqual(Date.now())
    }
  })

  it("reports health with the live connection count", async () => {
    await client()
    await client()
    const res = await fetch(`${base}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: "ok", connections: 2, uptime_ms: expect.any(Number) })
  })

  it("answers unknown HTTP paths with 404", async () => {
    const res = await fetch(`${base}/nope`)
    expect(res.status).toBe(404)
  })

  it("keeps serving when a client emits time:sync without an ack", async () => {
    const socket = await client()
    ;(socket as unknown as { emit: (event: string) => void }).emit("time:sync")
    const res = await socket.timeout(2000).emitWithAck("time:sync")
    expect(res.ok).toBe(true)
  })
})

describe("loadRealtimeConfig", () => {
  it("reads the environment with defaults", () => {
    expect(loadRealtimeConfig({})).toEqual({ port: 9001, host: "0.0.0.0", path: "/socket.io", corsOrigins: "*" })
    expect(loadRealtimeConfig({ REALTIME_CORS_ORIGINS: "https://a.example, https://b.example" }).corsOrigins).toEqual([
      "https://a.example",
      "https://b.example",
    ])
  })

  it("fails with one line naming the bad variable", () => {
    expect(() => loadRealtimeConfig({ REALTIME_PORT: "lots" })).toThrow(/^realtime: invalid environment: REALTIME_PORT/)
    expect(() => loadRealtimeConfig({ REALTIME_PATH: "io" })).toThrow(/REALTIME_PATH/)
  })
})
