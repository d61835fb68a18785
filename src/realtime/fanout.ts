import { parseRoom, type Notice } from "./contract"
import { emitEvent } from "./emit"
import { CONFLATABLE, privateNotices, publicDeliveries } from "./lot-events"
import type { Metrics } from "./metrics"
import { RoomStream, type Delivery, type DeliveredEvent } from "./room-stream"
import type { RealtimeIo } from "./server"
import type { PublishedEvent } from "./contract"
import type { OutboxReader, StreamRoom } from "./transport/outbox-reader"

export type FanoutOptions = {
  /** Delivered events kept per room for rejoins. */
  capacity: number
  /** Sustained price updates per second per room (a burst of up to this many passes at once). */
  pricePerSecond: number
  /** The durable log; without it, gaps cannot be filled (they are counted). */
  reader?: OutboxReader
  metrics: Metrics
  /** Sends a customer a private notice (here: outbid, won). */
  notify: (notice: Notice) => void
  log?: (message: string) => void
}

export type Fanout = {
  /** Hands a committed lot event (from the transport) to its rooms. */
  publish: (event: PublishedEvent) => void
  /** The room's stream, read from the durable log first if this sidecar has not seen it yet. */
  open: (room: string) => Promise<RoomStream>
  /** Re-reads every open stream from the durable log (after the transport may have lost events). */
  resync: () => void
  /** Whether this node tracks the room's stream (made for a lot event, or for a join admitted). */
  has: (room: string) => boolean
  /** Drops streams idle for `idleMs` with nobody in their room. */
  evictIdle: (idleMs: number) => void
  streamCount: () => number
  close: () => void
}

/** Rooms with an ordered stream, whose events the durable log holds: lots (by seq) and shows (by show_seq). */
export function streamRoom(name: string): StreamRoom | null {
  const room = parseRoom(name)
  return room && (room.kind === "auction" || room.kind === "show") ? { kind: room.kind, id: room.id } : null
}

// A catch-up reads at most this many events per query, looping until it is current.
const CATCH_UP_PAGE = 1000
// After a failed read of the log (database away), gaps go out unfilled this long before retrying.
const CATCH_UP_RETRY_MS = 1000

/**
 * Delivers committed lot events to `auction:<id>` and `show:<id>` rooms on this node, in order,
 * once each: every sidecar receives every event and emits to its own sockets only (so ordering,
 * de-duplication, conflation and replay buffers work per node without a second hop).
 * A seq gap, or a transport reconnect, triggers a read of the durable log before delivery resumes.
 */
export function createFanout(io: RealtimeIo, options: FanoutOptions): Fanout {
  const { capacity, pricePerSecond, reader, metrics, notify, log = () => undefined } = options
  const priceBurst = Math.max(1, Math.ceil(pricePerSecond / 2))
  const streams = new Map<string, RoomStream>()

  const emit = (entry: DeliveredEvent) => {
    emitEvent(io.local.to(entry.room), entry.event, entry.payload)
    metrics.eventsOut.inc(1)
    metrics.deliveries.inc(io.of("/").adapter.rooms.get(entry.room)?.size ?? 0)
  }

  const flushPending = (stream: RoomStream) => {
    if (stream.pendingTimer) {
      clearTimeout(stream.pendingTimer)
      stream.pendingTimer = null
    }
    if (stream.pending) {
      const pending = stream.pending
      stream.pending = null
      stream.takePriceToken(pricePerSecond, priceBurst)
      emit(stream.record(pending))
    }
  }

  const deliver = (stream: RoomStream, delivery: Delivery, prevSeqIfFirst?: number) => {
    stream.received = delivery.seq
    stream.lastEventAt = Date.now()
    if (CONFLATABLE.has(delivery.event)) {
      if (stream.pending) {
        // Already waiting for a token: the newer price replaces it.
        metrics.conflated.inc(1)
        stream.pending = delivery
        return
      }
      const wait = stream.takePriceToken(pricePerSecond, priceBurst)
      if (wait === 0) {
        emit(stream.record(delivery, prevSeqIfFirst))
        return
      }
      stream.pending = delivery
      stream.pendingTimer = setTimeout(() => flushPending(stream), wait)
      return
    }
    // Anything else goes out at once, after the price update it follows.
    flushPending(stream)
    emit(stream.record(delivery, prevSeqIfFirst))
  }

  /** Accepts events in seq order; duplicates are dropped, a gap starts a catch-up. */
  const offer = (stream: RoomStream, delivery: Delivery) => {
    if (stream.catchingUp) {
      stream.held.push(delivery)
      return
    }
    const kind = stream.classify(delivery.seq)
    if (kind === "duplicate") {
      metrics.duplicates.inc(1)
      return
    }
    if (kind === "gap") {
      if (reader && Date.now() - stream.catchUpFailedAt > CATCH_UP_RETRY_MS) {
        stream.held.push(delivery)
        catchUp(stream)
        return
      }
      metrics.gaps.inc(1) // nothing to fill it from: deliver; clients see prev_seq and resnapshot
    }
    deliver(stream, delivery)
  }

  const fromLog = (stream: RoomStream, events: PublishedEvent[]) =>
    events.flatMap((e) => publicDeliveries(e).filter((d) => d.room === stream.room))

  const releaseHeld = (stream: RoomStream) => {
    stream.catchingUp = null
    const held = stream.held.splice(0).sort((a, b) => a.seq - b.seq)
    held.forEach((d) => offer(stream, d))
  }

  /** Reads the log after what this stream has, delivers it, then whatever arrived meanwhile. */
  const catchUp = (stream: RoomStream) => {
    const room = streamRoom(stream.room)
    if (!reader || stream.catchingUp || !room) {
      return
    }
    metrics.catchUps.inc(1)
    stream.catchingUp = (async () => {
      try {
        for (;;) {
          const page = fromLog(stream, await reader.after(room, stream.received, CATCH_UP_PAGE))
          for (const delivery of page) {
            if (stream.classify(delivery.seq) !== "duplicate") {
              deliver(stream, delivery)
              metrics.recovered.inc(1)
            }
          }
          if (page.length < CATCH_UP_PAGE) {
            break
          }
        }
      } catch (err) {
        stream.catchUpFailedAt = Date.now()
        log(`realtime: catch-up of ${stream.room} failed: ${(err as Error).message}`)
      }
    })().finally(() => releaseHeld(stream))
  }

  const streamFor = (room: string) => {
    let stream = streams.get(room)
    if (!stream) {
      stream = new RoomStream(room, capacity)
      streams.set(room, stream)
      prime(stream)
    }
    return stream
  }

  /** A stream new to this node starts from the tail of the durable log, so rejoins reach back. */
  const prime = (stream: RoomStream) => {
    const room = streamRoom(stream.room)
    if (!reader || !room) {
      return
    }
    stream.catchingUp = (async () => {
      try {
        const tail = fromLog(stream, await reader.tail(room, capacity))
        // The log is complete, so the first loaded event follows the one before it.
        tail.forEach((d) => stream.record(d, d.seq - 1))
        if (tail.length) {
          stream.received = tail[tail.length - 1].seq
        }
        stream.knowsLog = true
      } catch (err) {
        log(`realtime: reading ${stream.room} from the event log failed: ${(err as Error).message}`)
      }
    })().finally(() => releaseHeld(stream))
  }

  return {
    publish: (published) => {
      metrics.eventsIn.inc(1)
      const changedAt = Date.parse(String(published.payload.server_time))
      if (Number.isFinite(changedAt)) {
        metrics.eventAge.observe(Math.max(0, Date.now() - changedAt) / 1000)
      }
      for (const delivery of publicDeliveries(published)) {
        const stream = streamFor(delivery.room)
        const notifies = delivery.room.startsWith("auction:") && delivery.seq > stream.notifiedThrough
        offer(stream, delivery)
        if (notifies) {
          // Once per lot seq, from the live transport: a duplicate never notifies twice.
          stream.notifiedThrough = delivery.seq
          privateNotices(published).forEach(notify)
        }
      }
    },
    open: async (room) => {
      const stream = streamFor(room)
      while (stream.catchingUp) {
        await stream.catchingUp
      }
      return stream
    },
    resync: () => {
      for (const stream of streams.values()) {
        // Streams that have heard nothing yet too: their room's first events may be what was lost.
        if (stream.received > 0 || stream.knowsLog) {
          catchUp(stream)
        }
      }
    },
    evictIdle: (idleMs) => {
      const now = Date.now()
      const occupied = io.of("/").adapter.rooms
      for (const [room, stream] of streams) {
        if (now - stream.lastEventAt > idleMs && !occupied.has(room) && !stream.catchingUp && !stream.pending) {
          streams.delete(room)
        }
      }
    },
    has: (room) => streams.has(room),
    streamCount: () => streams.size,
    close: () => {
      for (const stream of streams.values()) {
        if (stream.pendingTimer) {
          clearTimeout(stream.pendingTimer)
        }
      }
      streams.clear()
    },
  }
}
