/** What the database holds about the show, and whether every viewer got all of it. */
import type { Pool } from "pg"
import type { Audience } from "./audience"
import { checkStream, type BidRow, type EventRow, type LotRow, type Violations } from "./rules"

export type Snapshot = { now: number; lots: LotRow[]; events: EventRow[]; bids: BidRow[] }

const epoch = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`

/** The show's lots, events and bids, read in one repeatable-read transaction (one consistent moment). */
export async function snapshot(db: Pool, showId: string): Promise<Snapshot> {
  const client = await db.connect()
  try {
    await client.query("begin isolation level repeatable read read only")
    const now = (await client.query(`select ${epoch("clock_timestamp()")} as now`)).rows[0].now
    const lots = await client.query<LotRow>(
      `select a.id, a.status, a.seq, ${epoch("a.scheduled_at")} as scheduled_at, ${epoch("a.started_at")} as started_at,
              ${epoch("a.ends_at")} as ends_at, ${epoch("a.closed_at")} as closed_at,
              (select ${epoch("min(o.created_at)")} from live_lot_offer o where o.auction_id = a.id and o.rank = 0) as offered_at
         from live_auction a where a.show_id = $1 and a.deleted_at is null`,
      [showId]
    )
    const events = await client.query<EventRow>(
      `select e.auction_id, e.seq, e.name, e.payload->>'bid_id' as bid_id,
              ${epoch("e.created_at")} as created_at, ${epoch("e.published_at")} as published_at
         from live_auction_event e join live_auction a on a.id = e.auction_id where a.show_id = $1`,
      [showId]
    )
    const bids = await client.query<BidRow>(
      `select b.id, b.auction_id, b.idempotency_key, b.seq
         from live_auction_bid b join live_auction a on a.id = b.auction_id where a.show_id = $1`,
      [showId]
    )
    await client.query("commit")
    return { now, lots: lots.rows, events: events.rows, bids: bids.rows }
  } finally {
    client.release()
  }
}

export type Delivery = { committed: number; expected: number; received: number }

/**
 * Every event committed by now must reach every viewer following its rooms within `timeoutMs`:
 * each lot room its seqs 1..n, the show room its show seqs 1..m (given when published), each
 * once and in order. Waits for that, then records what is missing, doubled or out of order.
 */
export async function checkDelivery(db: Pool, showId: string, audience: Audience, followed: string[], timeoutMs: number, v: Violations): Promise<Delivery> {
  const deadline = Date.now() + timeoutMs
  const { rows } = await db.query<{ auction_id: string; through: number; at: number }>(
    `select e.auction_id, max(e.seq)::int as through, ${epoch("clock_timestamp()")} as at
       from live_auction_event e join live_auction a on a.id = e.auction_id where a.show_id = $1 group by e.auction_id`,
    [showId]
  )
  const committedAt = rows[0]?.at ?? Date.now()
  const expected = new Map(rows.filter((r) => followed.includes(r.auction_id)).map((r) => [`auction:${r.auction_id}`, r.through]))
  await until(audience, expected, deadline)

  // The show's stream is numbered at publish: whatever was committed by then must get published.
  let unpublished = 0
  for (;;) {
    const show = await db.query<{ through: number | null; unpublished: number }>(
      `select max(e.show_seq)::int as through, (count(*) filter (where e.published_at is null))::int as unpublished
         from live_auction_event e join live_auction a on a.id = e.auction_id
        where a.show_id = $1 and e.created_at <= to_timestamp($2 / 1000.0)`,
      [showId, committedAt]
    )
    unpublished = show.rows[0].unpublished
    expected.set(`show:${showId}`, show.rows[0].through ?? 0)
    if ((!unpublished && complete(audience, expected)) || Date.now() > deadline) {
      break
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  if (unpublished) {
    v.set(`delivery:unpublished ${committedAt}`, `${unpublished} committed events still unpublished ${timeoutMs} ms later`)
  }

  // What went wrong, told once per room and kind with how many viewers it happened to (usually all alike).
  const problems = new Map<string, { text: string; viewers: number }>()
  const tell = (key: string, text: string) => problems.set(key, { text, viewers: (problems.get(key)?.viewers ?? 0) + 1 })
  audience.spectators.forEach((s) => {
    for (const [room, through] of expected) {
      checkStream(s.seen.events(room).map((e) => e.seq), through).forEach((p) => tell(`${room} ${p.kind}`, `${room}: ${p.text}`))
    }
    s.gaps.forEach((gap) => tell(`gap ${gap}`, `saw a gap in ${gap}`))
    s.joinFailures.forEach((f) => tell(`join ${f}`, `could not rejoin ${f}`))
  })
  for (const [key, p] of problems) {
    v.set(`delivery:${key}`, `${p.viewers} of ${audience.spectators.length} viewers: ${p.text}`)
  }

  const perViewer = [...expected.values()].reduce((a, b) => a + b, 0)
  return {
    committed: rows.reduce((sum, r) => sum + r.through, 0),
    expected: perViewer * audience.spectators.length,
    received: audience.receipts.length,
  }
}

/** True when every viewer holds seqs 1..n of every room in `expected`. */
function complete(audience: Audience, expected: Map<string, number>) {
  return audience.spectators.every((s) =>
    [...expected].every(([room, through]) => new Set(s.seen.events(room).map((e) => e.seq).filter((q) => q <= through)).size >= through)
  )
}

/** Waits until every viewer holds every room's seqs, or the deadline. */
async function until(audience: Audience, expected: Map<string, number>, deadline: number) {
  while (!complete(audience, expected) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200))
  }
}
