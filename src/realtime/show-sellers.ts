import { ROOM_IDS } from "./contract"
import { TtlCache } from "./ttl-cache"
import { withTimeout } from "./with-timeout"

/** Who runs a show, looked up in the database. */
export type SellerLookup = (showIds: string[]) => Promise<Map<string, string>>

export type ShowSellers = {
  /** Sellers of these shows, from the cache where fresh; shows not found are left out. */
  of: (showIds: string[]) => Promise<Map<string, string>>
}

// A show's seller rarely changes; a minute of staleness after a reassignment is acceptable.
const KNOWN_TTL_MS = 60_000
// A show id nobody has created (yet): ask again soon, not on every tick.
const UNKNOWN_TTL_MS = 10_000
const MAX_ENTRIES = 20_000
// A lookup that takes longer is abandoned (the next tick asks again); the cache answers meanwhile.
const LOOKUP_TIMEOUT_MS = 3_000

/**
 * A small cache in front of the lookup, so viewer-count ticks (every 2 s) do not query the
 * database for shows they already know. A failed or slow lookup keeps what is cached and is logged.
 */
export function createShowSellers(lookup: SellerLookup, log?: (message: string) => void): ShowSellers {
  const cache = new TtlCache<string | null>(MAX_ENTRIES)

  return {
    of: async (showIds) => {
      const now = Date.now()
      // Only a Medusa show id can have a seller: anything else in a `show:` room is never looked up.
      const ids = showIds.filter((id) => ROOM_IDS.show.test(id))
      const stale = ids.filter((id) => (cache.entry(id)?.expiresAt ?? 0) < now)
      if (stale.length) {
        try {
          const found = await withTimeout(lookup(stale), LOOKUP_TIMEOUT_MS)
          for (const id of stale) {
            const seller = found.get(id) ?? null
            cache.set(id, seller, seller ? KNOWN_TTL_MS : UNKNOWN_TTL_MS, now)
          }
        } catch (err) {
          log?.(`realtime: show sellers lookup failed: ${(err as Error).message}`)
        }
      }
      const sellers = new Map<string, string>()
      for (const id of ids) {
        const seller = cache.entry(id)?.value
        if (seller) {
          sellers.set(id, seller)
        }
      }
      return sellers
    },
  }
}
