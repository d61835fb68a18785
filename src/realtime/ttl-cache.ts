/**
 * A bounded map whose entries expire: the least recently written entry goes first when full
 * (Map order is insertion order; a rewrite moves an entry to the end). Expired entries stay
 * readable through `entry` until replaced, so a caller may fall back on them.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>()

  constructor(private readonly maxEntries: number) {}

  set(key: string, value: V, ttlMs: number, now = Date.now()) {
    this.entries.delete(key)
    this.entries.set(key, { value, expiresAt: now + ttlMs })
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) {
        break
      }
      this.entries.delete(oldest)
    }
  }

  /** The entry, fresh or not. */
  entry(key: string): { value: V; expiresAt: number } | undefined {
    return this.entries.get(key)
  }

  /** The value while it is fresh. */
  fresh(key: string, now = Date.now()): V | undefined {
    const entry = this.entries.get(key)
    return entry && entry.expiresAt > now ? entry.value : undefined
  }

  get size() {
    return this.entries.size
  }
}
