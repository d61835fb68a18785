/** The figures the suite prints: one line per recovery as it happens, a table at the end. */
import type { BidRecord } from "./bidding"
import type { Delivery } from "./observe"
import { CHECKS, type Check, type Lateness, type Violations } from "./rules"

/** Times (epoch ms) of one fault; a `first…` is null when it did not happen in the observation window, undefined when it does not apply. */
export type Recovery = {
  fault: string
  killedAt: number
  /** When the part was started again, and when it served. */
  restartAt: number
  upAt: number
  firstAck?: number | null
  firstEvent: number | null
  /** Only when viewers were cut off (the sidecar): when all of them had rejoined every room. */
  rejoined?: number | null
  firstStart: number | null
  firstOffer: number | null
}

/** Straight to the terminal: jest runs with --silent, which swallows console output. */
export function print(text: string) {
  process.stdout.write(`${text}\n`)
}

const after = (from: number, at?: number | null) => (at === undefined ? "n/a" : at === null ? "NONE" : `${((at - from) / 1000).toFixed(2)} s`)

export function recoveryLine(r: Recovery): string {
  return (
    `${r.fault}: down ${after(r.killedAt, r.restartAt)}, ready ${after(r.restartAt, r.upAt)} after restart; ` +
    `from restart: first acked bid ${after(r.restartAt, r.firstAck)}, first event at a viewer ${after(r.restartAt, r.firstEvent)}, ` +
    `all viewers rejoined ${after(r.restartAt, r.rejoined)}, first scheduled lot started ${after(r.restartAt, r.firstStart)}, ` +
    `first winner's offer ${after(r.restartAt, r.firstOffer)}`
  )
}

/** Messages of the given violation keys, grouped under the check they break. */
export function byCheck(v: Violations, keys: Iterable<string>): Record<string, string[]> {
  const grouped: Record<string, string[]> = {}
  for (const key of keys) {
    const label = CHECKS[key.slice(0, key.indexOf(":")) as Check]
    ;(grouped[label] ??= []).push(v.get(key)!)
  }
  return grouped
}

const max = (values: number[]) => (values.length ? `${Math.round(Math.max(...values))} ms` : "n/a")

export function table(p: { recoveries: Recovery[]; late: Lateness; delivery: Delivery; bids: BidRecord[]; lots: number; v: Violations; seconds: number }) {
  const acked = p.bids.filter((b) => b.bidId)
  const retried = p.bids.filter((b) => b.tries > 1)
  const refused = new Map<string, number>()
  p.bids.filter((b) => b.answeredAt && !b.bidId).forEach((b) => refused.set(`${b.code ?? b.status}`, (refused.get(`${b.code ?? b.status}`) ?? 0) + 1))
  const rows: [string, string][] = [
    ...p.recoveries.map((r): [string, string] => [
      r.fault,
      `ready ${after(r.restartAt, r.upAt)}, first acked bid ${after(r.restartAt, r.firstAck)}, first event ${after(r.restartAt, r.firstEvent)}, ` +
        `viewers rejoined ${after(r.restartAt, r.rejoined)}, scheduled start ${after(r.restartAt, r.firstStart)}, offer ${after(r.restartAt, r.firstOffer)}`,
    ]),
    ["max close lateness, Medusa up", `${max(p.late.close)} over ${p.late.close.length} lots`],
    ["max close lateness, ended while Medusa was down", `${max(p.late.closeAfterOutage)} over ${p.late.closeAfterOutage.length} lots`],
    ["max start lateness (scheduled lots)", `${max(p.late.start)} over ${p.late.start.length} started lots`],
    ["max settlement delay (close → offer)", `${max(p.late.settlement)} over ${p.late.settlement.length} sold lots`],
    ["max publish delay (commit → relayed)", `${max(p.late.publish)} over ${p.late.publish.length} events`],
    ["events", `${p.delivery.committed} committed in ${p.lots} lots; ${p.delivery.received} received by viewers (${p.delivery.expected} required)`],
    [
      "bids",
      `${p.bids.length} sent, ${acked.length} acknowledged (${acked.filter((b) => b.status === 400).length} by duplicate_bid), ` +
        `${[...refused.values()].reduce((a, b) => a + b, 0)} refused (${[...refused].map(([code, n]) => `${code} ${n}`).join(", ") || "none"}), ` +
        `${p.bids.filter((b) => !b.answeredAt).length} unanswered, ` +
        `${retried.length} retried (${p.bids.reduce((n, b) => n + b.networkFailures, 0)} network failures, ${p.bids.reduce((n, b) => n + b.serverErrors, 0)} 5xx)`,
    ],
    ...Object.entries(byCheck(p.v, p.v.keys())).map(([label, list]): [string, string] => [`FAILED ${label}`, `${list.length} violations`]),
    ["load ran", `${p.seconds.toFixed(0)} s`],
  ]
  const width = Math.max(...rows.map(([k]) => k.length))
  return ["", "figures", ...rows.map(([k, value]) => `  ${k.padEnd(width)}  ${value}`), ""].join("\n")
}
