import { io as connect, type Socket } from "socket.io-client"
import type { ClientToServerEvents, ServerToClientEvents } from "../../src/realtime/contract"

export type Viewer = Socket<ServerToClientEvents, ClientToServerEvents>
type EventName = keyof ServerToClientEvents
export type Received = { event: EventName; room: string; seq: number; prev_seq: number; [k: string]: any }

/** Connects a real socket.io-client (websocket only); rejects on a refused handshake. */
export function viewer(url: string, token?: string, opts: Record<string, unknown> = {}): Promise<Viewer> {
  const socket: Viewer = connect(url, { transports: ["websocket"], forceNew: true, auth: token ? { token } : {}, ...opts })
  return new Promise((resolve, reject) => {
    // Each listener removes the other: a connect_error after a good handshake is a reconnect
    // attempt failing, and must not stop the client's own reconnection.
    const onConnect = () => {
      socket.off("connect_error", onError)
      resolve(socket)
    }
    const onError = (err: Error) => {
      socket.off("connect", onConnect)
      socket.disconnect()
      reject(err)
    }
    socket.once("connect", onConnect)
    socket.once("connect_error", onError)
  })
}

/**
 * Calls `event` with any arguments, as a client ignoring the contract could, then an ack:
 * resolves with the answer, or rejects when none comes within `timeoutMs`.
 */
export function untypedCall(socket: Viewer, event: string, args: unknown[], timeoutMs = 2000): Promise<unknown> {
  const untyped = socket as unknown as { timeout: (ms: number) => { emitWithAck: (event: string, ...args: unknown[]) => Promise<unknown> } }
  return untyped.timeout(timeoutMs).emitWithAck(event, ...args)
}

/** Resolves with the next `event` the viewer receives. */
export function next<E extends EventName>(socket: Viewer, event: E, timeoutMs = 5000) {
  return new Promise<Parameters<ServerToClientEvents[E]>[0]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs)
    socket.once(event as never, ((payload: never) => {
      clearTimeout(timer)
      resolve(payload)
    }) as never)
  })
}

const STREAM_EVENTS: EventName[] = ["bid:placed", "auction:started", "auction:extended", "auction:closed", "auction:cancelled", "auction:rerun"]

/** Records every stream event a viewer gets, per room, as a client would keep them. */
export function record(socket: Viewer) {
  const byRoom = new Map<string, Received[]>()
  const viewerCounts = new Map<string, number>()
  socket.on("show:viewers", (e) => {
    viewerCounts.set(e.room, e.viewers)
    viewerCounts.set(`${e.room} ${e.show_id}`, e.viewers) // a seller room carries several shows
  })
  for (const event of STREAM_EVENTS) {
    socket.on(event as never, ((payload: Received) => {
      const list = byRoom.get(payload.room) ?? []
      list.push({ ...payload, event })
      byRoom.set(payload.room, list)
    }) as never)
  }
  return {
    events: (room: string) => byRoom.get(room) ?? [],
    last: (room: string) => (byRoom.get(room) ?? []).at(-1)?.seq ?? 0,
    /** Polls until the room's last viewer count (of `showId`, in a seller room) is `count`. */
    untilViewers: async (room: string, count: number, timeoutMs = 10_000, showId?: string) => {
      const key = showId ? `${room} ${showId}` : room
      const deadline = Date.now() + timeoutMs
      while (viewerCounts.get(key) !== count) {
        if (Date.now() > deadline) {
          throw new Error(`${key}: ${viewerCounts.get(key)} viewers, not ${count}, in ${timeoutMs} ms`)
        }
        await new Promise((r) => setTimeout(r, 20))
      }
    },
    /** Polls until the room reached `seq`. */
    until: async (room: string, seq: number, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs
      while ((byRoom.get(room) ?? []).at(-1)?.seq !== seq) {
        if (Date.now() > deadline) {
          throw new Error(`${room}: reached seq ${(byRoom.get(room) ?? []).at(-1)?.seq ?? 0}, not ${seq}, in ${timeoutMs} ms`)
        }
        await new Promise((r) => setTimeout(r, 20))
      }
    },
  }
}

/**
 * The client-side gap check: each event's prev_seq is at most the last seq seen, and seqs rise.
 * Returns the places where a client would have seen a gap or a duplicate (none is the goal).
 */
export function chainBreaks(events: Received[], startSeq = 0): string[] {
  const breaks: string[] = []
  let last = startSeq
  for (const e of events) {
    if (e.seq <= last) {
      breaks.push(`duplicate or out of order: seq ${e.seq} after ${last}`)
    } else if (e.prev_seq > last) {
      breaks.push(`gap: seq ${e.seq} follows ${e.prev_seq}, client had ${last}`)
    }
    last = Math.max(last, e.seq)
  }
  return breaks
}
