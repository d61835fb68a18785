/**
 * `fn` over `items` with at most `limit` calls in flight; the answers in the items' order. For a
 * test's independent requests (each with its own sample), so they overlap instead of queueing.
 * The first failure rejects (after the calls already in flight have settled).
 */
export async function mapConcurrent<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  let failed: { error: unknown } | null = null
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++
      try {
        results[i] = await fn(items[i], i)
      } catch (error) {
        failed ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  if (failed) {
    throw (failed as { error: unknown }).error
  }
  return results
}
