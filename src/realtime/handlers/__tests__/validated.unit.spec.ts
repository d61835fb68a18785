import { EventEmitter } from "node:events"
import type { Counter } from "prom-client"
import { ClientToServerPayloads, RealtimeErrorCodes, type AckResponse } from "../../contract"
import { createMetrics } from "../../metrics"
import { registerClientHandlers, type ClientHandlers, type RealtimeSocket } from "../validated"

/** Just what registration uses of a Socket.io socket: `on`, and `onAny` listeners run first. */
class FakeSocket extends EventEmitter {
  private readonly anyListeners: Array<(event: string, ...args: unknown[]) => void> = []
  onAny(listener: (event: string, ...args: unknown[]) => void) {
    this.anyListeners.push(listener)
  }
  /** A call from the client, as Socket.io dispatches it. */
  call(event: string, ...args: unknown[]) {
    this.anyListeners.forEach((listener) => listener(event, ...args))
    this.emit(event, ...args)
  }
}

/** An unlabelled counter's value, as a scrape would read it. */
const valueOf = async (counter: Counter) => (await counter.get()).values[0]?.value

function setup(overrides: Partial<ClientHandlers> = {}) {
  const socket = new FakeSocket()
  const metrics = createMetrics()
  const logged: string[] = []
  const handlers: ClientHandlers = {
    "time:sync": (_args, ack) => ack({ ok: true, data: { server_time: 1 } }),
    "room:join": ([{ room }], ack) => ack({ ok: true, data: { room, seq: 0, replayed: 0, snapshot_required: false } }),
    "room:leave": ([{ room }], ack) => ack({ ok: true, data: { room } }),
    "chat:send": (_args, ack) => ack({ ok: false, error: { code: "unauthorized", message: "no" } }),
    ...overrides,
  }
  registerClientHandlers(socket as unknown as RealtimeSocket, handlers, { metrics, log: (m) => logged.push(m) })
  /** Calls `event` with these arguments and an ack; resolves with every answer after a tick. */
  const answers = async (event: string, ...args: unknown[]) => {
    const got: AckResponse<unknown>[] = []
    socket.call(event, ...args, (response: AckResponse<unknown>) => got.push(response))
    await new Promise((r) => setTimeout(r, 10))
    return got
  }
  return { socket, metrics, logged, answers }
}

describe("registerClientHandlers", () => {
  it("handles exactly the events the contract declares", () => {
    const { socket } = setup()
    expect(socket.eventNames().sort()).toEqual(Object.keys(ClientToServerPayloads).sort())
  })

  it("passes the parsed arguments and answers once", async () => {
    const { answers } = setup()
    expect(await answers("room:join", { room: "auction:auc_1" })).toEqual([
      { ok: true, data: { room: "auction:auc_1", seq: 0, replayed: 0, snapshot_required: false } },
    ])
    expect(await answers("time:sync")).toEqual([{ ok: true, data: { server_time: 1 } }])
  })

  it.each([
    ["room:join with an extra argument before the ack", "room:join", [{ room: "auction:auc_1" }, "extra"]],
    ["room:join without its payload", "room:join", []],
    ["room:join with a bad room", "room:join", [{ room: "auction:a1" }]],
    ["time:sync with a payload", "time:sync", [{}]],
    ["room:leave with null", "room:leave", [null]],
  ])("answers %s invalid_payload", async (_name, event, args) => {
    const { answers, metrics } = setup()
    expect(await answers(event, ...args)).toEqual([{ ok: false, error: { code: "invalid_payload", message: expect.any(String) } }])
    expect(await valueOf(metrics.invalidCalls)).toBe(1)
  })

  it("never echoes more than a short message", async () => {
    const { answers } = setup()
    const [answer] = await answers("room:join", { room: "auction:auc_1", ["k".repeat(10_000)]: 1 })
    expect(answer.ok === false && answer.error.message.length).toBeLessThanOrEqual(201)
  })

  it("counts a call without an ack function, which cannot be answered", async () => {
    const { socket, metrics } = setup()
    socket.call("time:sync")
    socket.call("room:join", { room: "auction:auc_1" })
    socket.call("room:join", { room: "auction:auc_1" }, "not a function")
    socket.call("no:such", 1)
    await new Promise((r) => setTimeout(r, 10))
    expect(await valueOf(metrics.unanswerableCalls)).toBe(4)
  })

  it("answers an event the contract does not declare unknown_event, without echoing its name", async () => {
    const { answers } = setup()
    for (const event of ["chat:shout", "constructor", "__proto__", "x".repeat(1000)]) {
      const [answer] = await answers(event, { any: 1 })
      expect(answer).toEqual({ ok: false, error: { code: RealtimeErrorCodes.unknown_event, message: expect.any(String) } })
      expect(answer.ok === false && answer.error.message).not.toContain("xxxx")
    }
  })

  it("answers a failing handler unknown_error with a generic message, and logs the detail", async () => {
    const { answers, logged, metrics } = setup({
      "room:leave": async () => {
        throw new Error("connection to 10.0.0.7:5432 refused")
      },
    })
    const [answer] = await answers("room:leave", { room: "show:show_1" })
    expect(answer).toEqual({ ok: false, error: { code: "unknown_error", message: expect.any(String) } })
    expect(JSON.stringify(answer)).not.toContain("10.0.0.7")
    expect(logged.join("\n")).toContain("10.0.0.7")
    expect(await valueOf(metrics.failedCalls)).toBe(1)
  })

  it("answers once even when a handler acks twice or acks and then throws", async () => {
    const { answers } = setup({
      "time:sync": (_args, ack) => {
        ack({ ok: true, data: { server_time: 1 } })
        ack({ ok: true, data: { server_time: 2 } })
        throw new Error("after the answer")
      },
    })
    expect(await answers("time:sync")).toEqual([{ ok: true, data: { server_time: 1 } }])
  })
})
