import { parseRoom, type AckResponse, type RoomKind } from "../contract"
import { mayJoin } from "../auth"
import { streamRoom, type Fanout } from "../fanout"
import type { Metrics } from "../metrics"
import type { Presence } from "../presence"
import type { RoomExistence } from "../room-existence"
import { TokenBucket } from "../token-bucket"
import { fail, type ClientHandlers, type RealtimeSocket } from "./validated"

/** Rooms a socket may be in (its own id room included), so one client cannot make us track thousands. */
export const MAX_ROOMS_PER_SOCKET = 100

// After `unavailable` (the database did not answer in time), a client should wait about this long.
const UNAVAILABLE_RETRY_MS = 1_000

export type RoomHandlerDeps = {
  fanout: Fanout
  presence: Presence
  /**
   * Whether a lot or show exists. Absent when the sidecar has no database (no DATABASE_URL):
   * then any well-formed id is admitted, and only the id format and the rate limit apply.
   */
  existence?: RoomExistence
  /** Room joins per connection: `burst` at once, then `perSecond`. */
  joins: { perSecond: number; burst: number }
  metrics: Metrics
}

/**
 * room:join (with replay after `last_seq`) and room:leave. A join is admitted in order of cost:
 * the id's format (the payload schema), the token for private rooms, the room cap, this
 * connection's join rate, and last, for lots and shows, that they exist (cached, batched); only
 * then is a stream opened, so made-up rooms never cost a stream or a query each.
 */
export function roomHandlers(
  socket: RealtimeSocket,
  deps: RoomHandlerDeps
): Pick<ClientHandlers, "room:join" | "room:leave"> {
  const { fanout, presence, existence, metrics } = deps
  const joinRate = new TokenBucket(deps.joins.perSecond, deps.joins.burst)

  /** Why a join is refused, or null to admit it: the cheapest checks first. */
  const refusal = async (room: string, kind: RoomKind, id: string): Promise<AckResponse<never> | null> => {
    if (!mayJoin(socket.data.actor, kind, id)) {
      return fail("unauthorized", `Only its owner may join ${room}; connect with their token.`)
    }
    if (!socket.rooms.has(room) && socket.rooms.size > MAX_ROOMS_PER_SOCKET) {
      return fail("too_many_rooms", `A connection may follow at most ${MAX_ROOMS_PER_SOCKET} rooms; leave some first.`)
    }
    const wait = joinRate.take()
    if (wait > 0) {
      metrics.joinsRateLimited.inc(1)
      return fail("rate_limited", `Too many joins from this connection; retry in ${wait} ms.`, wait)
    }
    // A room whose stream this node already tracks is real (its events arrived, or a join was
    // admitted): no lookup, so joins to live rooms go on while the database is away.
    const logged = streamRoom(room)
    const found = logged && existence && !fanout.has(room) ? await existence.check(logged) : "exists"
    if (found === "missing") {
      metrics.joinsRoomNotFound.inc(1)
      return fail("room_not_found", `No ${kind === "auction" ? "lot" : "show"} has the id ${id}.`)
    }
    if (found === "unavailable") {
      metrics.joinsUnavailable.inc(1)
      return fail("unavailable", "Could not check that room just now; retry shortly.", UNAVAILABLE_RETRY_MS)
    }
    return null
  }

  return {
    "room:join": async ([{ room, last_seq }], ack) => {
      const { kind, id } = parseRoom(room)!
      const refused = await refusal(room, kind, id)
      if (refused) {
        ack(refused)
        return
      }
      // Lots and shows are ordered streams; private rooms carry notices only.
      const stream = streamRoom(room) ? await fanout.open(room) : null
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
    },

    "room:leave": ([{ room }], ack) => {
      void socket.leave(room)
      ack({ ok: true, data: { room } })
    },
  }
}
