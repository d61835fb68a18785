import { rooms } from "./contract"
import type { RealtimeIo } from "./server"
import type { ShowSellers } from "./show-sellers"

export type Presence = {
  /** Viewers of a show across every node, as last known here. */
  viewers: (showId: string) => number
  /** Counts locally, shares with peers, and emits changed totals to show and seller rooms. */
  tick: () => Promise<void>
  /** Sends a seller who just joined their console room the counts of their shows being watched. */
  greetSeller: (sellerId: string) => Promise<void>
}

type Report = { counts: Record<string, number>; at: number }

const SHOW_PREFIX = "show:"
const SELLER_PREFIX = "seller:"

/**
 * Live viewer counts per show, correct across sidecars: each node counts its own sockets in
 * `show:<id>` rooms, sends the counts to its peers through the adapter, and publishes the
 * sum to its own viewers when it changes. A node that stops reporting ages out.
 * Sellers get the same totals for their shows in their `seller:<id>` room, on whichever node
 * they are connected to (the show's viewers may all be on other nodes).
 */
export function createPresence(
  io: RealtimeIo,
  nodeId: string,
  intervalMs: number,
  shared: boolean,
  sellers?: ShowSellers,
  log?: (message: string) => void
): Presence {
  const peers = new Map<string, Report>()
  const published = new Map<string, number>()
  /** `<seller id> <show id>` → the total last sent to that seller's room here. */
  const publishedToSellers = new Map<string, number>()
  const fresh = () => Date.now() - 3 * intervalMs
  let sellerLookupRunning = false

  if (shared) {
    io.on("viewers:counts", (report) => {
      if (report?.node !== nodeId && report?.counts && typeof report.at === "number") {
        peers.set(report.node, { counts: report.counts, at: report.at })
      }
    })
  }

  /**
   * The members of a show room who are viewers: not an admin user's socket (the seller's or
   * staff's console joins the show's room for its chat, issue #16, and is nobody's audience).
   */
  const audience = (members: Set<string> | undefined) => {
    let count = 0
    for (const sid of members ?? []) {
      if (io.of("/").sockets.get(sid)?.data.actor?.type !== "user") {
        count++
      }
    }
    return count
  }

  /** This node's viewers per show, and the sellers with a console open here. */
  const localRooms = () => {
    const counts: Record<string, number> = {}
    const sellerRooms = new Set<string>()
    for (const [room, members] of io.of("/").adapter.rooms) {
      if (room.startsWith(SHOW_PREFIX)) {
        counts[room.slice(SHOW_PREFIX.length)] = audience(members)
      } else if (room.startsWith(SELLER_PREFIX)) {
        sellerRooms.add(room.slice(SELLER_PREFIX.length))
      }
    }
    return { counts, sellerRooms }
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

  const viewers = (showId: string) => total(showId, audience(io.of("/").adapter.rooms.get(rooms.show(showId))))

  /** Every show watched anywhere, as far as this node knows. */
  const watchedShows = (local: Record<string, number>) => {
    const shows = new Set(Object.keys(local))
    const cutoff = fresh()
    for (const report of peers.values()) {
      if (report.at >= cutoff) {
        Object.keys(report.counts).forEach((id) => shows.add(id))
      }
    }
    return [...shows]
  }

  const emit = (room: string, showId: string, count: number) =>
    io.local.to(room).emit("show:viewers", { room, show_id: showId, viewers: count, server_time: new Date().toISOString() })

  async function publishToSellers(local: Record<string, number>, sellerRooms: Set<string>) {
    if (!sellers || sellerRooms.size === 0) {
      publishedToSellers.clear()
      return
    }
    const owners = await sellers.of(watchedShows(local))
    const current = new Map<string, number>()
    for (const [showId, sellerId] of owners) {
      if (sellerRooms.has(sellerId)) {
        current.set(`${sellerId} ${showId}`, viewers(showId))
      }
    }
    for (const [key, count] of current) {
      if (publishedToSellers.get(key) !== count) {
        publishedToSellers.set(key, count)
        const [sellerId, showId] = key.split(" ")
        emit(rooms.seller(sellerId), showId, count)
      }
    }
    for (const key of publishedToSellers.keys()) {
      if (!current.has(key)) {
        // The last viewer left (or the seller left): tell a seller still here it is 0 now.
        const [sellerId, showId] = key.split(" ")
        if (sellerRooms.has(sellerId)) {
          emit(rooms.seller(sellerId), showId, 0)
        }
        publishedToSellers.delete(key)
      }
    }
  }

  return {
    viewers,
    tick: async () => {
      const { counts, sellerRooms } = localRooms()
      if (shared) {
        io.serverSideEmit("viewers:counts", { node: nodeId, counts, at: Date.now() })
      }
      for (const showId of published.keys()) {
        if (!(showId in counts)) {
          published.delete(showId) // nobody here to tell
        }
      }
      for (const [showId, count] of Object.entries(counts)) {
        const sum = total(showId, count)
        if (published.get(showId) !== sum) {
          published.set(showId, sum)
          emit(rooms.show(showId), showId, sum)
        }
      }
      // Only the sellers' part waits on the database, and never holds up the heartbeat above:
      // a peer that stopped hearing from this node would drop its viewers from every total.
      if (sellerLookupRunning) {
        return
      }
      sellerLookupRunning = true
      try {
        await publishToSellers(counts, sellerRooms)
      } catch (err) {
        log?.(`realtime: seller viewer counts: ${(err as Error).message}`)
      } finally {
        sellerLookupRunning = false
      }
    },
    greetSeller: async (sellerId) => {
      if (!sellers) {
        return
      }
      const owners = await sellers.of(watchedShows(localRooms().counts)).catch(() => new Map<string, string>())
      for (const [showId, owner] of owners) {
        if (owner === sellerId) {
          const count = viewers(showId)
          publishedToSellers.set(`${sellerId} ${showId}`, count)
          emit(rooms.seller(sellerId), showId, count)
        }
      }
    },
  }
}
