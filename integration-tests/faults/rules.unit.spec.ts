/** The suite's own checks must be able to fail: each rule against a case that breaks it. */
import { checkBids, checkDeadlines, checkSeqs, checkStream, dueBy, type LotRow, type Violations } from "./rules"

const lot = (over: Partial<LotRow>): LotRow => ({
  id: "auc_1",
  status: "sold",
  seq: 3,
  scheduled_at: null,
  started_at: 0,
  ends_at: 10_000,
  closed_at: 10_050,
  offered_at: 10_500,
  ...over,
})

describe("fault-suite rules", () => {
  it("gives the normal allowance, or 5 s after a recovery when the part went down before the deadline", () => {
    const outages = [{ part: "medusa" as const, from: 9_000, to: 30_000 }]
    expect(dueBy(1_000, 250, outages, ["medusa"])).toBe(1_250)
    expect(dueBy(10_000, 250, outages, ["medusa"])).toBe(35_000)
    expect(dueBy(8_900, 250, outages, ["medusa"])).toBe(35_000) // killed 100 ms after the end
    expect(dueBy(10_000, 250, outages, ["redis"])).toBe(10_250)
  })

  it("flags a late close, a scheduled lot that never started, a late offer and a late publish", () => {
    const v: Violations = new Map()
    const late = checkDeadlines(
      [
        lot({ id: "late_close", closed_at: 10_300 }),
        lot({ id: "never", status: "scheduled", scheduled_at: 1_000, started_at: null, ends_at: null, closed_at: null, offered_at: null }),
        lot({ id: "late_offer", offered_at: 16_000 }),
        lot({ id: "fine" }),
      ],
      [{ auction_id: "fine", seq: 1, name: "live_auction.closed", bid_id: null, created_at: 10_050, published_at: 16_000 }],
      new Set(["never"]),
      [],
      20_000,
      v
    )
    expect([...v.keys()].sort()).toEqual(["closes:late_close", "offers:late_offer", "published:fine", "starts:never"])
    expect(Math.max(...late.close)).toBe(300)
  })

  it("flags an acknowledged bid stored twice or not at all, and a refused one that was stored", () => {
    const v: Violations = new Map()
    const stored = [
      { id: "bid_a", auction_id: "auc_1", idempotency_key: "k1", seq: 2 },
      { id: "bid_b", auction_id: "auc_1", idempotency_key: "k2", seq: 3 },
      { id: "bid_c", auction_id: "auc_1", idempotency_key: "k2", seq: 4 },
      { id: "bid_d", auction_id: "auc_1", idempotency_key: "k4", seq: 5 },
    ]
    checkBids(
      [
        { lot: "auc_1", key: "k1", bidId: "bid_a" },
        { lot: "auc_1", key: "k2", bidId: "bid_b" },
        { lot: "auc_1", key: "k3", bidId: "bid_x" },
        { lot: "auc_1", key: "k4", status: 400, code: "bid_too_low" },
      ],
      stored,
      v
    )
    expect([...v.keys()].sort()).toEqual(["bids:k2", "bids:k3", "bids:k4"])
  })

  it("flags a hole in a lot's events and a bid without its event", () => {
    const v: Violations = new Map()
    const events = [1, 2, 4].map((seq) => ({ auction_id: "auc_1", seq, name: "live_auction.bid_placed", bid_id: `bid_${seq}`, created_at: 0, published_at: 0 }))
    checkSeqs([lot({ seq: 4 })], events, [{ id: "bid_3", auction_id: "auc_1", idempotency_key: "k", seq: 3 }], v)
    expect([...v.keys()].sort()).toEqual(["seqs:auc_1", "seqs:bids auc_1"])
  })

  it("reads a viewer's stream: missing, twice, out of order", () => {
    expect(checkStream([1, 2, 3], 3)).toEqual([])
    expect(checkStream([1, 2, 3, 4], 3)).toEqual([]) // newer than the snapshot
    expect(checkStream([1, 3, 2, 3], 4).map((p) => p.kind)).toEqual(["missing", "twice", "disorder"])
  })
})
