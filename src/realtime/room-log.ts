export type LoggedEvent = { seq: number; event: string; payload: Record<string, unknown> }

/**
 * The last `capacity` events of one room, in `seq` order: drops duplicates (the transport is
 * at least once) and answers "everything after seq N" for clients that rejoin.
 */
export class RoomLog {
  private readonly events: LoggedEvent[] = []
  private last = 0

  constructor(private readonly capacity: number) {}

  get lastSeq(): number {
    return this.last
  }

  /** False for an event already seen (or older than the newest one). */
  push(entry: LoggedEvent): boolean {
    if (entry.seq <= this.last) {
      return false
    }
    this.last = entry.seq
    this.events.push(entry)
    if (this.events.length > this.capacity) {
      this.events.shift()
    }
    return true
  }

  /** Events after `seq`, or null when the log no longer reaches back that far (a snapshot is due). */
  since(seq: number): LoggedEvent[] | null {
    if (seq >= this.last) {
      return []
    }
    const oldest = this.events[0]
    if (!oldest || oldest.seq > seq + 1) {
      return null
    }
    return this.events.filter((e) => e.seq > seq)
  }
}
