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
const MAX_ENTRIES = 50_000

/**
 * A small cache in front of the lookup, so viewer-count ticks (every 2 s) do not query the
 * database for shows they already know. A failed lookup keeps what is cached and is logged.
 */
export function createShowSellers(lookup: SellerLookup, log?: (message: string) => void): ShowSellers {
  const cache = new Map<string, { seller: string | null; at: number }>()
  return {
    of: async (showIds) => {
      const now = Date.now()
      const stale = showIds.filter((id) => {
        const entry = cache.get(id)
        return !entry || now - entry.at > (entry.seller ? KNOWN_TTL_MS : UNKNOWN_TTL_MS)
      })
      if (stale.length) {
        try {
          const found = await lookup(stale)
          if (cache.size + stale.length > MAX_ENTRIES) {
            cache.clear()
          }
          for (const id of stale) {
            cache.set(id, { seller: found.get(id) ?? null, at: now })
          }
        } catch (err) {
          log?.(`realtime: show sellers lookup failed: ${(err as Error).message}`)
        }
      }
      const sellers = new Map<string, string>()
      for (const id of showIds) {
        const seller = cache.get(id)?.seller
        if (seller) {
          sellers.set(id, seller)
        }
      }
      return sellers
    },
  }
}
