import { describe, expect, it } from "@jest/globals"
import type { BidPlacedEvent, StoreAuction } from "medusa-plugin-live-commerce/realtime/contract"
import { emptyStage, lotOnScreen, nextMinimum, stageReducer, type LotView, type Stage } from "../stage"

const INCREMENTS = [
  { from: 0, increment: 1 },
  { from: 30, increment: 2 },
  { from: 50, increment: 3 },
]

const lot = (over: Partial<LotView> = {}): LotView => ({
  id: "auc_1",
  title: "Card",
  status: "live",
  show_id: "show_1",
  product_variant_id: null,
  currency_code: "usd",
  starting_price: 10,
  current_price: null,
  min_next_bid: 10,
  buy_now_price: null,
  reserve_met: null,
  bid_count: 0,
  leader: null,
  ends_at: "2026-12-01T12:00:30.000Z",
  extension_count: 0,
  sudden_death: false,
  hammer_price: null,
  winner: null,
  run: 1,
  seq: 1,
  image: null,
  you_lead: false,
  your_max: null,
  my_handle: null,
  ...over,
})

const bid = (over: Partial<BidPlacedEvent>): BidPlacedEvent => ({
  room: "show:show_1",
  seq: 10,
  prev_seq: 9,
  server_time: "2026-12-01T12:00:05.000Z",
  auction_id: "auc_1",
  auction_seq: 2,
  bid_id: "bid_1",
  bidder: "bidder-aaa",
  outcome: "leading",
  price: 10,
  bid_count: 1,
  leader: "bidder-aaa",
  ends_at: "2026-12-01T12:00:30.000Z",
  ...over,
})

const withLot = (l: LotView): Stage => ({ ...emptyStage, lot: l })

describe("the show page's stage", () => {
  it("should move the price, the count and the next minimum on a bid, and add it to the feed once", () => {
    let stage = stageReducer(withLot(lot()), { type: "bid_placed", event: bid({ price: 29 }), increments: INCREMENTS })
    expect(stage.lot).toMatchObject({ current_price: 29, bid_count: 1, min_next_bid: 30, seq: 2, leader: "bidder-aaa" })
    stage = stageReducer(stage, { type: "bid_placed", event: bid({ price: 29 }), increments: INCREMENTS })
    expect(stage.feed).toHaveLength(1)
  })

  it("should never let older state replace newer (a late HTTP answer after an event)", () => {
    const stage = stageReducer(withLot(lot({ seq: 5, current_price: 20 })), {
      type: "lot_state",
      auction: lot({ seq: 4, current_price: 15 }),
    })
    expect(stage.lot?.current_price).toBe(20)
  })

  it("should tell 'you lead' from the leader's pseudonym once this viewer's own is known", () => {
    let stage = stageReducer(withLot(lot()), { type: "lot_state", auction: lot({ seq: 2, leader: "bidder-me", current_price: 10 }), mine: { leading: true, max: null } })
    expect(stage.lot).toMatchObject({ you_lead: true, my_handle: "bidder-me" })
    stage = stageReducer(stage, { type: "bid_placed", event: bid({ auction_seq: 3, leader: "bidder-other", bidder: "bidder-other", price: 11 }), increments: INCREMENTS })
    expect(stage.lot?.you_lead).toBe(false)
    stage = stageReducer(stage, { type: "bid_placed", event: bid({ bid_id: "bid_3", auction_seq: 4, leader: "bidder-me", price: 12 }), increments: INCREMENTS })
    expect(stage.lot?.you_lead).toBe(true)
  })

  it("should follow extensions and the hammer", () => {
    let stage = stageReducer(withLot(lot()), {
      type: "extended",
      event: { room: "show:show_1", seq: 3, prev_seq: 2, server_time: "", auction_id: "auc_1", auction_seq: 2, ends_at: "2026-12-01T12:00:42.000Z", extension_count: 1 },
    })
    expect(stage.lot).toMatchObject({ ends_at: "2026-12-01T12:00:42.000Z", extension_count: 1 })
    stage = stageReducer(stage, {
      type: "closed",
      event: { room: "show:show_1", seq: 4, prev_seq: 3, server_time: "", auction_id: "auc_1", auction_seq: 3, status: "sold", winner: "bidder-aaa", hammer_price: 12, currency_code: "usd", closed_at: "" },
    })
    expect(stage.lot).toMatchObject({ status: "sold", hammer_price: 12, winner: "bidder-aaa" })
  })
})

describe("a soft-close extension from our own bid", () => {
  it("should say so when the bid's answer carries it (its event is then not newer than the lot)", () => {
    const extended = lot({ seq: 4, ends_at: "2026-12-01T12:00:45.000Z", extension_count: 1, current_price: 11, leader: "bidder-me" })
    let stage = stageReducer(withLot(lot()), { type: "lot_state", auction: extended, mine: { leading: true, max: null } })
    expect(stage.flash).toBe("Extended: a late bid added time")
    expect(stage.lot).toMatchObject({ ends_at: "2026-12-01T12:00:45.000Z", extension_count: 1 })
    stage = stageReducer({ ...stage, flash: null }, { type: "lot_state", auction: { ...extended, seq: 5 }, mine: { leading: true, max: null } })
    expect(stage.flash).toBeNull()
  })
})

describe("nextMinimum", () => {
  it.each([
    [0, 1],
    [29, 30],
    [30, 32],
    [49.5, 51.5],
    [50, 53],
  ])("after %p the next bid is at least %p", (price, next) => {
    expect(nextMinimum(price, INCREMENTS)).toBe(next)
  })
})

describe("lotOnScreen", () => {
  const l = (id: string, status: StoreAuction["status"]) => lot({ id, status })
  it("should show the live lot, else the last closed one, else the next scheduled one", () => {
    expect(lotOnScreen([l("a", "sold"), l("b", "live"), l("c", "scheduled")])?.id).toBe("b")
    expect(lotOnScreen([l("a", "sold"), l("b", "unsold"), l("c", "scheduled")])?.id).toBe("b")
    expect(lotOnScreen([l("c", "scheduled")])?.id).toBe("c")
    expect(lotOnScreen([])).toBeNull()
  })
})
