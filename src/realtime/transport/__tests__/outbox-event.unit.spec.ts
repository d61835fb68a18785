import { parsePrivateNotices, parsePublishedEvents } from "../outbox-event"

describe("parsePublishedEvents", () => {
  const event = { auction_id: "auc_1", seq: 3, name: "live_auction.bid_placed", payload: { price: 5 }, show_id: "sh_1", show_seq: 9 }

  it("reads one event (a NOTIFY) or a batch (a Redis message)", () => {
    expect(parsePublishedEvents(JSON.stringify(event))).toEqual([event])
    expect(parsePublishedEvents(JSON.stringify([event, { ...event, seq: 4, show_seq: 10 }])).map((e) => e.seq)).toEqual([3, 4])
  })

  it("keeps a show position only when both halves are there", () => {
    expect(parsePublishedEvents(JSON.stringify({ ...event, show_id: null }))[0]).toMatchObject({ show_id: null, show_seq: null })
    expect(parsePublishedEvents(JSON.stringify({ ...event, show_seq: undefined }))[0]).toMatchObject({ show_id: null, show_seq: null })
  })

  it.each(["not json", "null", "42", JSON.stringify({ ...event, seq: "3" }), JSON.stringify({ seq: 1, name: "x" })])(
    "skips what is not an event: %s",
    (raw) => {
      expect(parsePublishedEvents(raw)).toEqual([])
    }
  )

  it("defaults a missing payload to an empty object", () => {
    expect(parsePublishedEvents(JSON.stringify({ auction_id: "a", seq: 1, name: "n" }))[0].payload).toEqual({})
  })
})

describe("parsePrivateNotices", () => {
  const notice = { customer_id: "cus_1", event: "auction:payment_due", payload: { auction_id: "auc_1", cart_id: "cart_1" } }

  it("reads notices alone (NOTIFY) or in a batch (Redis), and they are never taken for lot events", () => {
    expect(parsePrivateNotices(JSON.stringify({ notice }))).toEqual([notice])
    expect(parsePrivateNotices(JSON.stringify([{ notice }, { notice: { ...notice, customer_id: "cus_2" } }]))).toHaveLength(2)
    expect(parsePublishedEvents(JSON.stringify({ notice }))).toEqual([])
  })

  it.each([
    JSON.stringify({ notice: { ...notice, event: "auction:anything" } }),
    JSON.stringify({ notice: { ...notice, customer_id: 7 } }),
    JSON.stringify({ notice: { ...notice, payload: null } }),
    JSON.stringify({ auction_id: "auc_1", seq: 1, name: "live_auction.closed" }),
    "not json",
  ])("skips what is not a notice: %s", (raw) => {
    expect(parsePrivateNotices(raw)).toEqual([])
  })
})
