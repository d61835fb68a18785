/**
 * Viewers as a storefront runs them: real socket.io-clients in the show room and every lot's
 * room, rejoining each room with `last_seq` after a reconnect or a gap, leaving a lot's room
 * once they hold its whole stream through the close. Every event received is recorded raw.
 */
import { record, viewer, type Received, type Viewer } from "../helpers/viewers"

const STREAM_EVENTS = ["bid:placed", "auction:started", "auction:extended", "auction:closed", "auction:cancelled", "auction:rerun"] as const

export type Spectator = {
  socket: Viewer
  seen: ReturnType<typeof record>
  /** Rooms this viewer follows (joined, or to join on the next connect). */
  rooms: Set<string>
  /** When the last reconnect's rejoins were all acknowledged. */
  rejoinedAt: number
  /** A live event whose prev_seq was above what the viewer had (it then rejoined). */
  gaps: string[]
  /** Joins refused or answered snapshot_required: events this viewer cannot get back. */
  joinFailures: string[]
}

export type Audience = {
  spectators: Spectator[]
  /** Every viewer joins `room` (from seq 0); resolves once all connected viewers are in it. */
  follow: (room: string) => Promise<void>
  /** Receipt times of every stream event, by any viewer (for "first event after the restart"). */
  receipts: number[]
  close: () => void
}

export async function openAudience(url: string, count: number): Promise<Audience> {
  const receipts: number[] = []
  const spectators = await Promise.all(Array.from({ length: count }, () => connectSpectator(url, receipts)))
  return {
    spectators,
    receipts,
    follow: async (room) => {
      // A viewer that is away joins on its next connect.
      spectators.forEach((s) => s.rooms.add(room))
      await Promise.all(spectators.filter((s) => s.socket.connected).map((s) => join(s, room)))
    },
    close: () => spectators.forEach((s) => s.socket.disconnect()),
  }
}

async function connectSpectator(url: string, receipts: number[]): Promise<Spectator> {
  // A storefront's reconnect, a little brisker than socket.io's default (1 s, up to 5 s).
  const socket = await viewer(url, undefined, { reconnectionDelay: 250, reconnectionDelayMax: 1000 })
  const s: Spectator = { socket, seen: record(socket), rooms: new Set(), rejoinedAt: 0, gaps: [], joinFailures: [] }
  const last = new Map<string, number>()
  const closedAt = new Map<string, number>()

  socket.on("connect", () => {
    const rooms = [...s.rooms]
    void Promise.all(rooms.map((room) => join(s, room))).then((ok) => {
      if (ok.every(Boolean)) {
        s.rejoinedAt = Date.now()
      }
    })
  })
  for (const event of STREAM_EVENTS) {
    socket.on(event as never, ((e: Received) => {
      receipts.push(Date.now())
      const had = last.get(e.room) ?? 0
      if (e.prev_seq > had) {
        // What the contract asks of a client: it missed something, so it asks for it again.
        s.gaps.push(`${e.room}: seq ${e.seq} (prev ${e.prev_seq}) after ${had}`)
        void join(s, e.room, had)
      }
      last.set(e.room, Math.max(had, e.seq))
      // A lot's room ends with its close; the show room goes on (its seqs are the show's).
      if (event === "auction:closed" && e.room.startsWith("auction:")) {
        closedAt.set(e.room, e.seq)
      }
      const end = closedAt.get(e.room)
      if (end !== undefined && new Set(s.seen.events(e.room).map((x) => x.seq)).size >= end) {
        s.rooms.delete(e.room) // the lot's stream is complete: a storefront stops following it
        socket.emit("room:leave", { room: e.room }, () => undefined)
      }
    }) as never)
  }
  return s
}

/** Joins (or rejoins) a room from `lastSeq` (default: the last seq this viewer saw); false if it did not work. */
async function join(s: Spectator, room: string, lastSeq = s.seen.events(room).reduce((max, e) => Math.max(max, e.seq), 0)): Promise<boolean> {
  try {
    const ack = await s.socket.timeout(5000).emitWithAck("room:join", { room, last_seq: lastSeq })
    if (!ack.ok) {
      s.joinFailures.push(`${room}: ${ack.error.code}`)
    } else if (ack.data.snapshot_required) {
      s.joinFailures.push(`${room}: snapshot_required after seq ${lastSeq}`)
    }
    return ack.ok
  } catch {
    return false // disconnected meanwhile: the next connect rejoins
  }
}
