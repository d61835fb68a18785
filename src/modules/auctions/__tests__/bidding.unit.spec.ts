import { DEFAULT_BID_INCREMENTS } from "../../../lib/options"
import { decideBid, incrementAt, minimumNextBid, type BiddingState, type BidKind } from "../utils/bidding"

function lot(overrides: Partial<BiddingState> = {}): BiddingState {
  return {
    starting_price: 5,
    reserve_price: null,
    buy_now_price: null,
    increments: DEFAULT_BID_INCREMENTS,
    current_price: null,
    leader_customer_id: null,
    leader_max: null,
    bid_count: 0,
    ...overrides,
  }
}

type Step = [who: string, kind: BidKind, amount: number, expected: string | { outcome: string; price: number; leader: string }]

/** Runs bids in order, applying each accepted decision to the lot as the database would. */
function run(initial: BiddingState, steps: Step[]) {
  const state = { ...initial }
  steps.forEach(([who, kind, amount, expected], i) => {
    const decision = decideBid(state, { customer_id: who, kind, amount })
    const label = `step ${i + 1}: ${who} ${kind} ${amount}`
    if (typeof expected === "string") {
      expect({ label, code: decision.accepted ? "accepted" : decision.code }).toEqual({ label, code: expected })
      return
    }
    expect({ label, decision }).toEqual({
      label,
      decision: expect.objectContaining({
        accepted: true,
        outcome: expected.outcome,
        price: expected.price,
        leader_customer_id: expected.leader,
      }),
    })
    if (decision.accepted) {
      state.current_price = decision.price
      state.leader_customer_id = decision.leader_customer_id
      state.leader_max = decision.leader_max
      state.bid_count += 1
    }
  })
}

describe("increments", () => {
  it.each([
    [0, 1],
    [29.99, 1],
    [30, 2],
    [99, 3],
    [100, 5],
    [1999, 20],
    [2000, 50],
    [1e6, 50],
  ])("at %p the increment is %p (Whatnot's table)", (price, increment) => {
    expect(incrementAt(DEFAULT_BID_INCREMENTS, price)).toBe(increment)
  })

  it("the first bid may be the starting price; later ones the price plus its increment", () => {
    expect(minimumNextBid(lot())).toBe(5)
    expect(minimumNextBid(lot({ current_price: 29, bid_count: 3 }))).toBe(30)
    expect(minimumNextBid(lot({ current_price: 30, bid_count: 4 }))).toBe(32)
    expect(minimumNextBid(lot({ current_price: 0.1, bid_count: 1, increments: [{ from: 0, increment: 0.2 }] }))).toBe(0.3)
  })

  it("never lets an increment below a cent stall the price (a lot stored before validation refused it)", () => {
    const stalled = lot({ current_price: 10, bid_count: 1, leader_customer_id: "A", leader_max: 10, increments: [{ from: 0, increment: 1e-9 }] })
    expect(minimumNextBid(stalled)).toBe(10.01)
    expect(decideBid(stalled, { customer_id: "B", kind: "straight", amount: 10 })).toMatchObject({ accepted: false, code: "bid_too_low" })
  })
})

describe("decideBid: proxy bidding (eBay's rules)", () => {
  it("follows a bidding war between max bids and straight bids", () => {
    run(lot(), [
      ["A", "max", 20, { outcome: "leading", price: 5, leader: "A" }], // a max bid opens at the start price
      ["B", "straight", 10, { outcome: "outbid", price: 11, leader: "A" }], // A's proxy answers one increment up
      ["B", "max", 20, { outcome: "outbid", price: 20, leader: "A" }], // equal max: the earlier bidder keeps it
      ["C", "max", 25, { outcome: "leading", price: 21, leader: "C" }], // one increment past A's max
      ["A", "max", 30, { outcome: "leading", price: 26, leader: "A" }],
      ["A", "max", 40, { outcome: "max_raised", price: 26, leader: "A" }], // raising your own max keeps the price
      ["D", "straight", 27, { outcome: "outbid", price: 28, leader: "A" }],
      ["D", "straight", 28.5, "bid_too_low"], // below 28 + 1
      ["A", "straight", 50, "already_leading"],
      ["A", "max", 35, "bid_too_low"], // not above A's own max
      ["D", "straight", 45, { outcome: "leading", price: 45, leader: "D" }], // a straight bid names its price
    ])
  })

  it("lets a proxy be outbid by less than a full increment when its max caps the price", () => {
    run(lot({ starting_price: 20 }), [
      ["A", "max", 31, { outcome: "leading", price: 20, leader: "A" }],
      ["B", "max", 30, { outcome: "outbid", price: 31, leader: "A" }], // 30 + 2 capped at A's 31
    ])
  })

  it("a straight first bid sets the price it names", () => {
    run(lot(), [["A", "straight", 7, { outcome: "leading", price: 7, leader: "A" }]])
  })

  it("rejects a first bid under the starting price", () => {
    run(lot(), [["A", "max", 4.99, "bid_too_low"]])
  })

  it("works in cents without floating-point drift", () => {
    run(lot({ starting_price: 0.1, increments: [{ from: 0, increment: 0.1 }] }), [
      ["A", "max", 0.7, { outcome: "leading", price: 0.1, leader: "A" }],
      ["B", "straight", 0.2, { outcome: "outbid", price: 0.3, leader: "A" }],
      ["B", "max", 0.8, { outcome: "leading", price: 0.8, leader: "B" }], // 0.7 + 0.1 = 0.8 exactly
    ])
  })
})

describe("decideBid: reserve", () => {
  it("lifts the price to the reserve as soon as a max reaches it", () => {
    run(lot({ starting_price: 1, reserve_price: 50 }), [
      ["A", "max", 40, { outcome: "leading", price: 1, leader: "A" }],
      ["B", "max", 60, { outcome: "leading", price: 50, leader: "B" }], // 40 + 2 = 42, lifted to 50
      ["B", "max", 70, { outcome: "max_raised", price: 50, leader: "B" }],
    ])
  })

  it("a leader raising a max past the reserve lifts the price to it", () => {
    run(lot({ starting_price: 1, reserve_price: 50 }), [
      ["A", "max", 40, { outcome: "leading", price: 1, leader: "A" }],
      ["A", "max", 55, { outcome: "max_raised", price: 50, leader: "A" }],
    ])
  })
})

describe("decideBid: buy now", () => {
  it("sells at the buy-now price while bidding is below it", () => {
    run(lot({ buy_now_price: 100 }), [
      ["A", "max", 50, { outcome: "leading", price: 5, leader: "A" }],
      ["B", "buy_now", 0, { outcome: "bought", price: 100, leader: "B" }],
    ])
  })

  it("is unavailable without a buy-now price or once bidding reaches it", () => {
    run(lot(), [["A", "buy_now", 0, "buy_now_unavailable"]])
    run(lot({ buy_now_price: 10, current_price: 10, bid_count: 3, leader_customer_id: "X", leader_max: 12 }), [
      ["A", "buy_now", 0, "buy_now_unavailable"],
    ])
  })
})
