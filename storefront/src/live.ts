import { io, type Socket } from "socket.io-client"
import type { ClientToServerEvents, JoinRoomResult, ServerToClientEvents, StoreLiveConfig } from "medusa-plugin-live-commerce/realtime/contract"

/** A typed connection to the realtime sidecar: the contract's event maps, both ways. */
export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** Connects to the sidecar; with a customer token the private `user:<id>` room can be joined. */
export function connectLive(live: StoreLiveConfig, token: string | null): LiveSocket {
  return io(live.realtime.url, {
    path: live.realtime.path,
    transports: ["websocket", "polling"],
    auth: token ? { token } : {},
  })
}

/**
 * The server clock's offset from ours (ms to add to `Date.now()`), from a few `time:sync` calls:
 * the one with the shortest round trip wins (offset ≈ server_time + rtt / 2 − local time).
 */
export async function measureClockOffset(socket: LiveSocket, samples = 3): Promise<number | null> {
  let best: { rtt: number; offset: number } | null = null
  for (let i = 0; i < samples; i++) {
    const sent = Date.now()
    const ack = await socket
      .timeout(5000)
      .emitWithAck("time:sync")
      .catch(() => null)
    const received = Date.now()
    if (!ack?.ok) {
      continue
    }
    const rtt = received - sent
    const offset = ack.data.server_time + rtt / 2 - received
    if (!best || rtt < best.rtt) {
      best = { rtt, offset }
    }
  }
  return best?.offset ?? null
}

/** The fields every stream event carries (`RoomEventMeta`). */
type Sequenced = { room: string; seq: number; prev_seq: number }

export type RoomFollower = {
  /**
   * Call first in every handler of a stream event: false when the event is not this room's, is a
   * duplicate (at-least-once delivery), or comes after a gap (the room is then rejoined with
   * `last_seq` and the missed events are replayed before it).
   */
  accept: (event: Sequenced) => boolean
  stop: () => void
}

/**
 * Joins a room and keeps it joined across reconnects, replaying from the last seq seen.
 * `onSnapshot` runs after the first join and whenever the server says the gap is too old to
 * replay: reload the state over HTTP then.
 */
export function followRoom(
  socket: LiveSocket,
  room: string,
  handlers: {
    onSnapshot?: () => void
    /** After every join, the first and each one after a reconnect (e.g. to catch up on what is not replayed, like chat). */
    onJoined?: (result: JoinRoomResult) => void
    onError?: (error: { code: string; message: string }) => void
  } = {}
): RoomFollower {
  let lastSeq: number | null = null
  let joinedOnce = false
  let stopped = false
  let retry: ReturnType<typeof setTimeout> | undefined

  const join = async () => {
    if (stopped || !socket.connected) {
      return
    }
    const payload = lastSeq === null ? { room } : { room, last_seq: lastSeq }
    const ack = await socket
      .timeout(5000)
      .emitWithAck("room:join", payload)
      .catch(() => null)
    if (stopped) {
      return
    }
    if (!ack || (!ack.ok && ack.error.retry_after_ms !== undefined)) {
      retry = setTimeout(join, ack && !ack.ok ? ack.error.retry_after_ms : 1000)
      return
    }
    if (!ack.ok) {
      handlers.onError?.(ack.error)
      return
    }
    joined(ack.data)
  }

  const joined = (result: JoinRoomResult) => {
    const first = !joinedOnce
    joinedOnce = true
    lastSeq = Math.max(lastSeq ?? 0, result.seq)
    if (first || result.snapshot_required) {
      handlers.onSnapshot?.()
    }
    handlers.onJoined?.(result)
  }

  socket.on("connect", join)
  void join()

  return {
    accept: (event) => {
      if (event.room !== room) {
        return false
      }
      if (lastSeq !== null) {
        if (event.seq <= lastSeq) {
          return false
        }
        if (event.prev_seq > lastSeq) {
          void join()
          return false
        }
      }
      lastSeq = event.seq
      return true
    },
    stop: () => {
      stopped = true
      clearTimeout(retry)
      socket.off("connect", join)
      if (socket.connected) {
        socket.emit("room:leave", { room }, () => undefined)
      }
    },
  }
}

/** Adds typed listeners for several events; returns what removes exactly those. */
export function listen(socket: LiveSocket, handlers: Partial<ServerToClientEvents>): () => void {
  const entries = Object.entries(handlers) as [keyof ServerToClientEvents, ServerToClientEvents[keyof ServerToClientEvents]][]
  for (const [event, handler] of entries) {
    socket.on(event, handler as never)
  }
  return () => {
    for (const [event, handler] of entries) {
      socket.off(event, handler as never)
    }
  }
}
