/**
 * The invariants of issue #11 as pure functions over what the database holds and what the
 * clients saw. Each returns violations keyed by what they are about (so a phase reports only
 * the new ones) and the figures for the table. Times are epoch ms; PostgreSQL runs on the same
 * box, so its clock and ours agree.
 */
import type { Part } from "./stack"

export type Outage = { part: Part; from: number; to: number }

/** The checks, by the prefix of their violations' keys (`closes:<lot id>` …). */
export const CHECKS = {
  bids: "every acknowledged bid stored exactly once",
  seqs: "per lot, seqs of events and bids without holes",
  closes: "lots closed within 250 ms of their end (5 s after recovery if Medusa was down)",
  starts: "scheduled lots started within 5 s of their time or of recovery",
  offers: "sold lots offered to their winner within 5 s of the close or of recovery",
  published: "every committed event published within 5 s of its commit or of recovery",
  delivery: "every committed event delivered to every viewer of its room, in order, once",
}
export type Check = keyof typeof CHECKS
/** Violations by key (`<check>:<what it is about>`) → message. */
export type Violations = Map<string, string>

/** How long after a service's recovery late work may take. */
export const RECOVERY_ALLOWANCE_MS = 5000
export const CLOSE_ALLOWANCE_MS = 250
export const START_ALLOWANCE_MS = 5000
export const SETTLEMENT_ALLOWANCE_MS = 5000
export const PUBLISH_ALLOWANCE_MS = 5000

/**
 * When something due at `at` must have happened: `allowanceMs` after it or, if one of `parts`
 * went down before that (and was not back by `at`), RECOVERY_ALLOWANCE_MS after it came back.
 */
export function dueBy(at: number, allowanceMs: number, outages: Outage[], parts: Part[]): number {
  return outages
    .filter((o) => parts.includes(o.part) && o.from <= at + allowanceMs && o.to >= at)
    .reduce((due, o) => Math.max(due, o.to + RECOVERY_ALLOWANCE_MS), at + allowanceMs)
}

export type LotRow = {
  id: string
  status: string
  seq: number
  scheduled_at: number | null
  started_at: number | null
  ends_at: number | null
  closed_at: number | null
  /** When the winner's offer (rank 0) was made; null if none. */
  offered_at: number | null
}
export type EventRow = { auction_id: string; seq: number; name: string; bid_id: string | null; created_at: number; published_at: number | null }
export type BidRow = { id: string; auction_id: string; idempotency_key: string; seq: number }
export type AckedBid = { lot: string; key: string; status?: number; code?: string; bidId?: string }

const ms = (n: number) => `${Math.round(n)} ms`

/** Every acknowledged bid is stored exactly once (its key, one row, the acknowledged id); no refused one is stored. */
export function checkBids(answered: AckedBid[], stored: BidRow[], v: Violations) {
  const byKey = new Map<string, BidRow[]>()
  stored.forEach((b) => byKey.set(`${b.auction_id} ${b.idempotency_key}`, [...(byKey.get(`${b.auction_id} ${b.idempotency_key}`) ?? []), b]))
  for (const bid of answered) {
    const rows = byKey.get(`${bid.lot} ${bid.key}`) ?? []
    if (bid.bidId && (rows.length !== 1 || rows[0].id !== bid.bidId)) {
      v.set(`bids:${bid.key}`, `acknowledged bid ${bid.bidId} (key ${bid.key}, lot ${bid.lot}) is stored ${rows.length} times${rows[0] && rows[0].id !== bid.bidId ? ` as ${rows[0].id}` : ""}`)
    }
    if (!bid.bidId && rows.length) {
      v.set(`bids:${bid.key}`, `bid with key ${bid.key} was refused (${bid.status} ${bid.code}) but is stored as ${rows[0].id}`)
    }
  }
}

/** Per lot: events 1..seq without a hole, and exactly one bid_placed event per stored bid, at its seq. */
export function checkSeqs(lots: LotRow[], events: EventRow[], bids: BidRow[], v: Violations) {
  for (const lot of lots) {
    const seqs = events.filter((e) => e.auction_id === lot.id).map((e) => e.seq).sort((a, b) => a - b)
    const holes = seqs.length !== lot.seq || seqs.some((s, i) => s !== i + 1)
    if (holes) {
      v.set(`seqs:${lot.id}`, `lot ${lot.id} is at seq ${lot.seq} but its events are [${seqs.join(",")}]`)
    }
    const placed = new Map(events.filter((e) => e.auction_id === lot.id && e.name.endsWith("bid_placed")).map((e) => [e.bid_id, e.seq]))
    const lotBids = bids.filter((b) => b.auction_id === lot.id)
    const unmatched = lotBids.filter((b) => placed.get(b.id) !== b.seq)
    if (unmatched.length || placed.size !== lotBids.length) {
      v.set(`seqs:bids ${lot.id}`, `lot ${lot.id}: ${lotBids.length} bids, ${placed.size} bid_placed events, ${unmatched.length} bids without their event at their seq`)
    }
  }
}

/** Lateness figures (ms): closes at ends when Medusa was up, closes of lots that ended while it was down, starts, offers, relays. */
export type Lateness = { close: number[]; closeAfterOutage: number[]; start: number[]; settlement: number[]; publish: number[] }

/** Closes, starts of scheduled lots and winners' offers, each by its deadline; lateness figures. */
export function checkDeadlines(lots: LotRow[], events: EventRow[], scheduled: Set<string>, outages: Outage[], now: number, v: Violations): Lateness {
  const late: Lateness = { close: [], closeAfterOutage: [], start: [], settlement: [], publish: [] }
  const judge = (key: string, [lateText, openText]: [string, string], at: number, done: number | null, due: number, figures: number[]) => {
    if (done !== null) {
      figures.push(done - at)
    }
    if ((done ?? now) > due) {
      const allowed = `(allowed ${ms(due - at)})`
      v.set(key, done === null ? `${openText}${ms(now - at)} ${allowed}` : `${lateText} ${ms(done - at)} late ${allowed}`)
    }
  }
  for (const lot of lots) {
    if (lot.ends_at !== null && lot.status !== "cancelled") {
      const due = dueBy(lot.ends_at, CLOSE_ALLOWANCE_MS, outages, ["medusa"])
      const words: [string, string] = [`lot ${lot.id} closed`, `lot ${lot.id} still open at its end +`]
      const figures = due === lot.ends_at + CLOSE_ALLOWANCE_MS ? late.close : late.closeAfterOutage
      judge(`closes:${lot.id}`, words, lot.ends_at, lot.closed_at, due, figures)
    }
    if (scheduled.has(lot.id) && lot.scheduled_at !== null) {
      const due = dueBy(lot.scheduled_at, START_ALLOWANCE_MS, outages, ["medusa", "redis"])
      const words: [string, string] = [`scheduled lot ${lot.id} started`, `scheduled lot ${lot.id} still ${lot.status} at its time +`]
      judge(`starts:${lot.id}`, words, lot.scheduled_at, lot.started_at, due, late.start)
    }
    if (lot.status === "sold" && lot.closed_at !== null) {
      const due = dueBy(lot.closed_at, SETTLEMENT_ALLOWANCE_MS, outages, ["medusa", "redis"])
      const words: [string, string] = [`sold lot ${lot.id} got its winner's offer`, `sold lot ${lot.id} has no winner's offer at its close +`]
      judge(`offers:${lot.id}`, words, lot.closed_at, lot.offered_at, due, late.settlement)
    }
  }
  // The relay publishes after each change; Medusa's clock job is the net for what a failure left
  // behind. One violation per lot, for its latest event.
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    const due = dueBy(e.created_at, PUBLISH_ALLOWANCE_MS, outages, ["medusa", "redis"])
    const what = `lot ${e.auction_id}: event ${e.seq} (${e.name.replace("live_auction.", "")})`
    judge(`published:${e.auction_id}`, [`${what} published`, `${what} still unpublished at its commit +`], e.created_at, e.published_at, due, late.publish)
  }
  return late
}

/**
 * One viewer's raw stream of a room against the committed seqs 1..`through`: each once, in order.
 * Returns what is wrong (nothing when all is well), by kind.
 */
export function checkStream(received: number[], through: number): { kind: "missing" | "twice" | "disorder"; text: string }[] {
  const seen = new Set<number>()
  let last = 0
  const duplicates: number[] = []
  const disordered: number[] = []
  for (const seq of received) {
    if (seen.has(seq)) {
      duplicates.push(seq)
    } else if (seq < last) {
      disordered.push(seq)
    }
    seen.add(seq)
    last = Math.max(last, seq)
  }
  const missing = Array.from({ length: through }, (_, i) => i + 1).filter((s) => !seen.has(s))
  const list = (seqs: number[]) => `(${seqs.slice(0, 8).join(",")}${seqs.length > 8 ? ",…" : ""})`
  return [
    ...(missing.length ? [{ kind: "missing" as const, text: `missing ${missing.length} of ${through} ${list(missing)}` }] : []),
    ...(duplicates.length ? [{ kind: "twice" as const, text: `${duplicates.length} received twice ${list(duplicates)}` }] : []),
    ...(disordered.length ? [{ kind: "disorder" as const, text: `${disordered.length} out of order ${list(disordered)}` }] : []),
  ]
}
