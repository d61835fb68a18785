import { rooms } from "./contract"
import type { RealtimeIo } from "./server"

export type Presence = {
  /** Viewers of a show across every node, as last known here. */
  viewers: (showId: string) => number
  /** Counts locally, shares with peers, and emits changed totals to show rooms. */
  tick: () => void
}

type Report = { counts: Record<string, number>; at: number }

/**
 * Live viewer counts per show, correct across sidecars: each node counts its own sockets in
 * `show:<id>` rooms, sends the counts to its peers through the adapter, and publishes the
 * sum to its own viewers when it changes. A node that stops reporting ages out.
 */
export function createPresence(io: RealtimeIo, nodeId: string, intervalMs: number, shared: boolean): Presence {
  const peers = new Map<string, Report>()
  const published = new Map<string, number>()
  const fresh = () => Date.now() - 3 * intervalMs

  if (shared) {
    io.on("viewers:counts", (report) => {
      if (report?.node !== nodeId && report?.counts && typeof report.at === "number") {
        peers.set(report.node, { counts: report.counts, at: report.at })
      }
    })
  }

  const localCounts = () => {
    const counts: Record<string, number> = {}
    for (const [room, members] of io.of("/").adapter.rooms) {
      if (room.startsWith("show:")) {
        counts[room.slice("show:".length)] = members.size
      }
    }
    return counts
  }

  const total = (showId: string, local: number) => {
    let sum = local
    const cutoff = fresh()
    for (const [node, report] of peers) {
      if (report.at < cutoff) {
        peers.delete(node)
      } else {
        sum += report.counts[showId] ?? 0
      }
    }
    return sum
  }

  return {
    viewers: (showId) => total(showId, io.of("/").adapter.rooms.get(rooms.show(showId))?.size ?? 0),
    tick: () => {
      const local = localCounts()
      if (shared) {
        io.serverSideEmit("viewers:counts", { node: nodeId, counts: local, at: Date.now() })
      }
      for (const showId of published.keys()) {
        if (!(showId in local)) {
          published.delete(showId) // nobody here to tell
        }
      }
      for (const [showId, count] of Object.entries(local)) {
        const viewers = total(showId, count)
        if (published.get(showId) !== viewers) {
          published.set(showId, viewers)
          const room = rooms.show(showId)
          io.local.to(room).emit("show:viewers", { room, show_id: showId, viewers, server_time: new Date().toISOString() })
        }
      }
    },
  }
}
