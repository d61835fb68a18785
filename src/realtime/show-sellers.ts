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
// Shows are created by Medusa with this prefix: any other id in a `show:` room cannot have a seller.
const SHOW_ID = /^show_[A-Za-z0-9]+$/

/**
 * A small cache in front of the lookup, so viewer-count ticks (every 2 s) do not query the
 * database for shows they already know. A failed or slow lookup keeps what is cached and is logged.
 */
export function createShowSellers(lookup: SellerLookup, log?: (message: string) => void): ShowSellers {
  // Map order is insertion order: refreshed entries move to the end, the oldest go first.
  const cache = new Map<string, { seller: string | null; at: number }>()

  const remember = (id: string, seller: string | null, at: number) => {
    cache.delete(id)
    cache.set(id, { seller, at })
    for (const oldest of cache.keys()) {
      if (cache.size <= MAX_ENTRIES) {
        break
      }
      cache.delete(oldest)
    }
  }

  return {
    of: async (showIds) => {
      const now = Date.now()
      const ids = showIds.filter((id) => SHOW_ID.test(id))
      const stale = ids.filter((id) => {
        const entry = cache.get(id)
        return !entry || now - entry.at > (entry.seller ? KNOWN_TTL_MS : UNKNOWN_TTL_MS)
      })
      if (stale.length) {
        let timer: NodeJS.Timeout | undefined
        try {
          const found = await Promise.race([
            lookup(stale),
            new Promise<never>((_, reject) => {
              timer = setTimeout(() => reject(new Error(`no answer within ${LOOKUP_TIMEOUT_MS} ms`)), LOOKUP_TIMEOUT_MS)
            }),
          ])
          for (const id of stale) {
            remember(id, found.get(id) ?? null, now)
          }
        } catch (err) {
          log?.(`realtime: show sellers lookup failed: ${(err as Error).message}`)
        } finally {
          clearTimeout(timer)
        }
      }
      const sellers = new Map<string, string>()
      for (const id of ids) {
        const seller = cache.get(id)?.seller
        if (seller) {
          sellers.set(id, seller)
        }
      }
      return sellers
    },
  }
}
