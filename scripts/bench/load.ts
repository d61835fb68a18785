/** Load generators for the benchmarks: bounded in time, aimed at loopback only. */

export type Sample = { ms: number; ok: boolean; error?: string }
export type LoadResult = { samples: Sample[]; seconds: number }

/** `workers` loops, each firing its next request when the last one answers, for `durationMs`. */
export async function runClosedLoop(workers: number, durationMs: number, fire: () => Promise<Sample>): Promise<LoadResult> {
  const samples: Sample[] = []
  const started = performance.now()
  const stopAt = started + durationMs
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < stopAt) {
        samples.push(await fire().catch((err: Error) => ({ ms: 0, ok: false, error: err.message })))
      }
    })
  )
  return { samples, seconds: (performance.now() - started) / 1000 }
}

/**
 * Fires at a fixed rate whatever the answers (so a slow server cannot slow the clock that
 * measures it), then waits for every request in flight.
 */
export async function runOpenLoop(ratePerSecond: number, durationMs: number, fire: () => Promise<Sample>): Promise<LoadResult> {
  const samples: Sample[] = []
  const inFlight: Promise<void>[] = []
  const started = performance.now()
  const total = Math.floor((ratePerSecond * durationMs) / 1000)
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / ratePerSecond
    const wait = due - performance.now()
    if (wait > 0) {
      await new Promise((r) => setTimeout(r, wait))
    }
    inFlight.push(
      fire()
        .catch((err: Error) => ({ ms: 0, ok: false, error: err.message }))
        .then((s) => void samples.push(s))
    )
  }
  await Promise.all(inFlight)
  return { samples, seconds: durationMs / 1000 }
}

export function percentile(sortedMs: number[], p: number): number {
  if (!sortedMs.length) {
    return 0
  }
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1)
  return sortedMs[Math.max(0, index)]
}
