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
import type { Fanout } from "../fanout"

type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>

function invalidPayload(issues: { message: string }[]) {
  return { ok: false as const, error: { code: "invalid_payload" as const, message: issues[0]?.message ?? "invalid payload" } }
}

/** room:join (with replay after `last_seq`) and room:leave. Handlers never throw; every call is acked. */
export function registerRoomHandlers(socket: RealtimeSocket, fanout: Fanout) {
  socket.on("room:join", (payload, ack) => {
    if (typeof ack !== "function") {
      return
    }
    const parsed = JoinRoomPayload.safeParse(payload)
    if (!parsed.success) {
      ack(invalidPayload(parsed.error.issues))
      return
    }
    const { room, last_seq } = parsed.data
    const kind = parseRoom(room)!.kind
    if (kind === "user" || kind === "seller") {
      ack({ ok: false, error: { code: "unauthorized", message: "Private rooms need a token." } })
      return
    }
    // Join and replay in one synchronous turn, so no live event slips between the two.
    void socket.join(room)
    const log = fanout.log(room)
    const missed = last_seq === undefined || !log ? [] : log.since(last_seq)
    if (missed === null) {
      ack({ ok: true, data: { room, seq: log!.lastSeq, replayed: 0, snapshot_required: true } })
      return
    }
    for (const entry of missed) {
      socket.emit(entry.event as keyof ServerToClientEvents, entry.payload as never)
    }
    ack({ ok: true, data: { room, seq: log?.lastSeq ?? 0, replayed: missed.length, snapshot_required: false } })
  })

  socket.on("room:leave", (payload, ack) => {
    if (typeof ack !== "function") {
      return
    }
    const parsed = LeaveRoomPayload.safeParse(payload)
    if (!parsed.success) {
      ack(invalidPayload(parsed.error.issues))
      return
    }
    void socket.leave(parsed.data.room)
    ack({ ok: true, data: { room: parsed.data.room } })
  })
}
