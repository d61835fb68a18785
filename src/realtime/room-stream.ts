import type { DeliveredStreamEvent, StreamDelivery } from "./contract"
import { TokenBucket } from "./token-bucket"

/** One event bound for one room, before it is delivered. */
export type Delivery = StreamDelivery

/** A delivered event, as replayed to rejoining clients (`payload` carries room, seq and prev_seq). */
export type DeliveredEvent = DeliveredStreamEvent

/**
 * The state of one room's ordered stream on this sidecar: what arrived (for de-duplication and
 * gap detection), what went out (with `prev_seq`, so clients detect loss even across conflation),
 * the last `capacity` delivered events for rejoins, and the conflation slot for price updates.
 */
export class RoomStream {
  /** Highest seq accepted from the transport or the log. 0 = nothing yet. */
  received = 0
  /** Seq of the last event delivered to the room. */
  delivered = 0
  lastEventAt = Date.now()
  /** A price update waiting for its conflation window. */
  pending: Delivery | null = null
  pendingTimer: NodeJS.Timeout | null = null
  /** Token bucket for price updates, made on the first one. */
  private priceBucket: TokenBucket | null = null
  /** While the stream reads the durable log, arriving events wait here. */
  catchingUp: Promise<void> | null = null
  held: Delivery[] = []
  /** When reading the log last failed: gaps are then delivered as they are for a while. */
  catchUpFailedAt = 0
  /**
   * Highest seq whose private notices (outbid, won) went out. Separate from `received`: the log
   * may hand this node an event before its live copy arrives, and the live copy must still notify.
   */
  notifiedThrough = 0
  private readonly log: DeliveredEvent[] = []

  constructor(
    readonly room: string,
    private readonly capacity: number
  ) {}

  /**
   * Takes a price-update token if one is there; otherwise returns the ms until the next one.
   * `perSecond` tokens a second, at most `burst` saved up.
   */
  takePriceToken(perSecond: number, burst: number, now = Date.now()): number {
    this.priceBucket ??= new TokenBucket(perSecond, burst, now)
    return this.priceBucket.take(now)
  }

  /**
   * True once `received` is known to match the durable log (the stream was primed from it, even
   * when the log was empty). Until then a first event cannot be told from a gap: it is taken as is.
   */
  knowsLog = false

  /** "duplicate" for a seq already accepted; "gap" when events are missing before it. */
  classify(seq: number): "duplicate" | "gap" | "next" {
    if (seq <= this.received) {
      return "duplicate"
    }
    // A stream primed from an empty log that hears seq 18 first missed 1–17 (a lot that started
    // while Redis was down): that is a gap to fill from the log, not where the lot begins.
    return (this.received > 0 || this.knowsLog) && seq > this.received + 1 ? "gap" : "next"
  }

  /** Marks the delivery as sent and returns it with its `prev_seq` (also set in the payload). */
  record(delivery: Delivery, prevSeqIfFirst = delivery.seq - 1): DeliveredEvent {
    const prev_seq = this.delivered > 0 ? this.delivered : prevSeqIfFirst
    // Spreading a union loses the link between `event` and its payload; the delivery kept it.
    const entry = { ...delivery, prev_seq, payload: { ...delivery.payload, prev_seq } } as DeliveredEvent
    this.delivered = delivery.seq
    this.log.push(entry)
    if (this.log.length > this.capacity) {
      this.log.shift()
    }
    return entry
  }

  /** Delivered events after `seq`, or null when the buffer no longer reaches back that far. */
  since(seq: number): DeliveredEvent[] | null {
    if (seq >= this.delivered) {
      return []
    }
    const oldest = this.log[0]
    if (!oldest || oldest.prev_seq > seq) {
      return null
    }
    return this.log.filter((e) => e.seq > seq)
  }
}
