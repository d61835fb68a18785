import type { Socket } from "socket.io"
import {
  JoinRoomPayload,
  LeaveRoomPayload,
  parseRoom,
  type ClientToServerEvents,
  type InterServerEvents,
  type RealtimeErrorCode,
  type ServerToClientEvents,
  type SocketData,
} from "../contract"
import { mayJoin } from "../auth"
import type { Fanout } from "../fanout"
import type { Presence } from "../presence"

type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>

/** Rooms a socket may be in (its own id room included), so one client cannot make us track thousands. */
export const MAX_ROOMS_PER_SOCKET = 100

const fail = (code: RealtimeErrorCode, message: string) => ({ ok: false as const, error: { code, message } })

/** room:join (with replay after `last_seq`) and room:leave. Handlers never throw; every call is acked. */
export function registerRoomHandlers(socket: RealtimeSocket, fanout: Fanout, presence: Presence) {
  socket.on("room:join", async (payload, ack) => {
    if (typeof ack !== "function") {
      return
    }
    const parsed = JoinRoomPayload.safeParse(payload)
    if (!parsed.success) {
      ack(fail("invalid_payload", parsed.error.issues[0]?.message ?? "invalid payload"))
      return
    }
    const { room, last_seq } = parsed.data
    const { kind, id } = parseRoom(room)!
    if (!mayJoin(socket.data.actor, kind, id)) {
      ack(fail("unauthorized", `Only its owner may join ${room}; connect with their token.`))
      return
    }
    if (!socket.rooms.has(room) && socket.rooms.size > MAX_ROOMS_PER_SOCKET) {
      ack(fail("too_many_rooms", `A connection may follow at most ${MAX_ROOMS_PER_SOCKET} rooms; leave some first.`))
      return
    }
    try {
      // Lots and shows are ordered streams; private rooms carry notices only.
      const stream = kind === "auction" || kind === "show" ? await fanout.open(room) : null
      if (!socket.connected) {
        return
      }
      // Replay and join in one synchronous turn, so no live event slips between the two.
      const missed = last_seq === undefined || !stream ? [] : stream.since(last_seq)
      for (const entry of missed ?? []) {
        socket.emit(entry.event, entry.payload as never)
      }
      void socket.join(room)
      if (kind === "show") {
        socket.emit("show:viewers", { room, show_id: id, viewers: presence.viewers(id), server_time: new Date().toISOString() })
      }
      ack({
        ok: true,
        data: { room, seq: stream?.delivered ?? 0, replayed: missed?.length ?? 0, snapshot_required: missed === null },
      })
    } catch (err) {
      ack(fail("unknown_error", (err as Error).message))
    }
  })

  socket.on("room:leave", (payload, ack) => {
    if (typeof ack !== "function") {
      return
    }
    const parsed = LeaveRoomPayload.safeParse(payload)
    if (!parsed.success) {
      ack(fail("invalid_payload", parsed.error.issues[0]?.message ?? "invalid payload"))
      return
    }
    void socket.leave(parsed.data.room)
    ack({ ok: true, data: { room: parsed.data.room } })
  })
}
