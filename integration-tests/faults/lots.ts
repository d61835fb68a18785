/**
 * Keeps lots running in the show through the Admin API: `immediate` lots created and started at
 * once (the start route arms their close timer), and one lot every `scheduleEveryMs` with a
 * `scheduled_at` a few seconds ahead, which only Medusa's clock can start. No soft close, so
 * every end is known in advance. Viewers join a lot's room before it can start.
 */
import type { Audience } from "./audience"
import { call, type Answer, type Shop } from "./shop"

export type LotRecord = { id: string; scheduled: boolean; createdAt: number }

export type LotSettings = {
  immediate: number
  scheduleEveryMs: number
  scheduleAheadMs: number
}

export type Lots = {
  lots: LotRecord[]
  /** Stops (or resumes) creating lots; those running go on to their end. */
  pause: (paused: boolean) => void
  /** Creates and starts one lot of `seconds` now (whatever the pause); resolves with its id and end. */
  startOne: (seconds: number) => Promise<{ id: string; end: number } | null>
  stop: () => Promise<void>
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export function runLots(base: string, shop: Shop, audience: Audience, settings: LotSettings): Lots {
  const lots: LotRecord[] = []
  const endsAt = new Map<string, number>()
  let stopped = false
  let paused = false

  /** An Admin call; with `retry`, repeated each second until it gets a non-5xx answer (Medusa or Redis may be away). */
  const admin = async (path: string, body: unknown, retry: boolean): Promise<Answer | null> => {
    while (!stopped) {
      const answer = await call(base, path, { headers: shop.admin, body }).catch(() => null)
      if ((answer && answer.status < 500) || !retry) {
        return answer
      }
      await sleep(1000)
    }
    return null
  }

  // A scheduled lot is created once or not at all: retried later, its time would have passed.
  const create = async (settings: Record<string, unknown>, scheduled: boolean) => {
    const answer = await admin("/admin/auctions", {
      title: `Fault lot ${lots.length + 1}`,
      currency_code: "usd",
      starting_price: 1,
      soft_close_seconds: 0,
      show_id: shop.showId,
      ...settings,
    }, !scheduled)
    if (!answer?.data.auction) {
      return null
    }
    const id: string = answer.data.auction.id
    lots.push({ id, scheduled, createdAt: Date.now() })
    await audience.follow(`auction:${id}`)
    return id
  }

  const startOne = async (seconds: number) => {
    const id = await create({ duration_seconds: seconds }, false)
    if (!id) {
      return null
    }
    const started = await admin(`/admin/auctions/${id}/start`, {}, true)
    // A start whose first answer was lost may answer 400 (already live): the lot still runs.
    const end = Date.parse(started?.data.auction?.ends_at ?? "") || Date.now() + seconds * 1000
    endsAt.set(id, end)
    return { id, end }
  }

  const keepImmediate = (async () => {
    while (!stopped) {
      const running = [...endsAt.values()].filter((end) => end > Date.now()).length
      await (running < settings.immediate && !paused ? startOne(6 + Math.floor(Math.random() * 5)) : sleep(200))
    }
  })()

  const keepScheduled = (async () => {
    while (!stopped) {
      const next = Date.now() + settings.scheduleEveryMs
      if (!paused) {
        await create({ duration_seconds: 8, scheduled_at: new Date(Date.now() + settings.scheduleAheadMs).toISOString() }, true)
      }
      await sleep(Math.max(0, next - Date.now()))
    }
  })()

  return {
    lots,
    pause: (value) => (paused = value),
    startOne,
    stop: async () => {
      stopped = true
      await Promise.all([keepImmediate, keepScheduled])
    },
  }
}
