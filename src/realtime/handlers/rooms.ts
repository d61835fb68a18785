import type { Socket } from "socket.io"
import {
  JoinRoomPayload,
  LeaveRoomPayload,
  parseRoom,
  type ClientToServerEvents,
  type InterServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from "../contract"
import { mayJoin } from "../auth"
import type { Fanout } from "../fanout"
import type { Presence } from "../presence"
import { fail, validated } from "./validated"

type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>

/** Rooms a socket may be in (its own id room included), so one client cannot make us track thousands. */
export const MAX_ROOMS_PER_SOCKET = 100

/** room:join (with replay after `last_seq`) and room:leave. */
export function registerRoomHandlers(socket: RealtimeSocket, fanout: Fanout, presence: Presence) {
  socket.on(
    "room:join",
    validated(JoinRoomPayload, async ({ room, last_seq }, ack) => {
      const { kind, id } = parseRoom(room)!
      if (!mayJoin(socket.data.actor, kind, id)) {
        ack(fail("unauthorized", `Only its owner may join ${room}; connect with their token.`))
        return
      }
      if (!socket.rooms.has(room) && socket.rooms.size > MAX_ROOMS_PER_SOCKET) {
        ack(fail("too_many_rooms", `A connection may follow at most ${MAX_ROOMS_PER_SOCKET} rooms; leave some first.`))
        return
      }
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
      if (kind === "seller") {
        void presence.greetSeller(id)
      }
      ack({
        ok: true,
        data: { room, seq: stream?.delivered ?? 0, replayed: missed?.length ?? 0, snapshot_required: missed === null },
      })
    })
  )

  socket.on(
    "room:leave",
    validated(LeaveRoomPayload, ({ room }, ack) => {
      void socket.leave(room)
      ack({ ok: true, data: { room } })
    })
  )
}
