import type { StreamRoom, StreamRoomIds } from "./transport/outbox-reader"
import { TtlCache } from "./ttl-cache"
import { withTimeout } from "./with-timeout"

/** Which of these lots and shows exist, looked up in the database. */
export type ExistenceLookup = (ids: StreamRoomIds) => Promise<StreamRoomIds>

/** `unavailable`: the lookup failed or did not answer in time (nothing is cached then). */
export type Existence = "exists" | "missing" | "unavailable"

export type RoomExistence = {
  /** Whether the room's lot or show exists: from the cache, or in the next batched lookup. */
  check: (room: StreamRoom) => Promise<Existence>
  /** Answers whatever waits `unavailable` and stops. */
  close: () => void
}

export type RoomExistenceOptions = {
  /** Checks arriving within this window share one lookup. */
  windowMs: number
  /** A lookup that takes longer is abandoned: its checks are answered `unavailable`. */
  timeoutMs: number
  /** How long a lot or show found is remembered. */
  foundTtlMs: number
  /** How long an id not found is remembered. */
  missingTtlMs: number
  maxEntries: number
  /** Ids per lookup; more wait for the next one. */
  maxBatch: number
  /** Distinct ids waiting at most; beyond, checks are answered `unavailable` at once (load shedding). */
  maxQueued: number
}

export const ROOM_EXISTENCE_DEFAULTS: RoomExistenceOptions = {
  windowMs: 20,
  timeoutMs: 2_000,
  // Lots and shows are soft-deleted rarely, and a deleted one has no events left to deliver.
  foundTtlMs: 5 * 60_000,
  // Clients learn ids from Medusa after they are created, so a miss is almost always made up;
  // short, in case a join raced the creation.
  missingTtlMs: 5_000,
  maxEntries: 50_000,
  maxBatch: 1_000,
  maxQueued: 10_000,
}

type Waiting = { room: StreamRoom; answer: Array<(existence: Existence) => void> }

const keyOf = (room: StreamRoom) => `${room.kind}:${room.id}`

/**
 * Admits a join to a lot's or a show's room only if it exists, without a query per join: answers
 * are cached (found for minutes, missing for seconds, bounded), and the ids not cached that
 * arrive within a short window are looked up together in one query. One lookup runs at a time,
 * so a slow database sees one query per timeout, not one per join.
 */
export function createRoomExistence(
  lookup: ExistenceLookup,
  options: Partial<RoomExistenceOptions> = {},
  log: (message: string) => void = () => undefined
): RoomExistence {
  const o = { ...ROOM_EXISTENCE_DEFAULTS, ...options }
  const cache = new TtlCache<boolean>(o.maxEntries)
  const queued = new Map<string, Waiting>()
  let timer: NodeJS.Timeout | null = null
  let running = false
  let closed = false

  const schedule = () => {
    if (!timer && !running && !closed && queued.size) {
      timer = setTimeout(() => void flush(), o.windowMs)
    }
  }

  const takeBatch = () => {
    const batch: Waiting[] = []
    for (const [key, waiting] of queued) {
      if (batch.length >= o.maxBatch) {
        break
      }
      batch.push(waiting)
      queued.delete(key)
    }
    return batch
  }

  const flush = async () => {
    timer = null
    running = true
    const batch = takeBatch()
    const ids: StreamRoomIds = { auction: [], show: [] }
    batch.forEach(({ room }) => ids[room.kind].push(room.id))
    let existenceOf: (room: StreamRoom) => Existence = () => "unavailable"
    try {
      const found = await withTimeout(lookup(ids), o.timeoutMs)
      const sets = { auction: new Set(found.auction), show: new Set(found.show) }
      const now = Date.now()
      existenceOf = (room) => {
        const exists = sets[room.kind].has(room.id)
        cache.set(keyOf(room), exists, exists ? o.foundTtlMs : o.missingTtlMs, now)
        return exists ? "exists" : "missing"
      }
    } catch (err) {
      log(`realtime: checking which rooms exist failed: ${(err as Error).message}`)
    }
    for (const { room, answer } of batch) {
      const existence = existenceOf(room)
      answer.forEach((resolve) => resolve(existence))
    }
    running = false
    schedule()
  }

  return {
    check: (room) => {
      const key = keyOf(room)
      const cached = cache.fresh(key)
      if (cached !== undefined) {
        return Promise.resolve(cached ? "exists" : "missing")
      }
      const waiting = queued.get(key)
      if (!waiting && (queued.size >= o.maxQueued || closed)) {
        return Promise.resolve("unavailable")
      }
      return new Promise((resolve) => {
        if (waiting) {
          waiting.answer.push(resolve)
        } else {
          queued.set(key, { room, answer: [resolve] })
        }
        schedule()
      })
    },
    close: () => {
      closed = true
      if (timer) {
        clearTimeout(timer)
        timer = null
      }
      for (const { answer } of queued.values()) {
        answer.forEach((resolve) => resolve("unavailable"))
      }
      queued.clear()
    },
  }
}
