import { dispatchTransportMessage } from "../outbox-event"

/** What one transport message hands to each sink. */
function dispatch(raw: string) {
  const out = { events: [] as unknown[], notices: [] as unknown[], shows: [] as unknown[] }
  dispatchTransportMessage(raw, {
    onEvent: (e) => out.events.push(e),
    onNotice: (n) => out.notices.push(n),
    onShowUpdate: (u) => out.shows.push(u),
  })
  return out
}

describe("lot events in transport messages", () => {
  const event = { auction_id: "auc_1", seq: 3, name: "live_auction.bid_placed", payload: { price: 5 }, show_id: "sh_1", show_seq: 9 }

  it("reads one event (a NOTIFY) or a batch (a Redis message), the row's lot, seq and show set in the payload", () => {
    expect(dispatch(JSON.stringify(event)).events).toEqual([
      { ...event, payload: { price: 5, auction_id: "auc_1", seq: 3, show_id: "sh_1" } },
    ])
    expect(dispatch(JSON.stringify([event, { ...event, seq: 4, show_seq: 10 }])).events.map((e: any) => e.seq)).toEqual([3, 4])
  })

  it("keeps a show position only when both halves are there", () => {
    expect(dispatch(JSON.stringify({ ...event, show_id: null })).events[0]).toMatchObject({ show_id: null, show_seq: null })
    expect(dispatch(JSON.stringify({ ...event, show_seq: undefined })).events[0]).toMatchObject({ show_id: null, show_seq: null })
  })

  it.each([
    "not json",
    "null",
    "42",
    JSON.stringify({ ...event, seq: "3" }),
    JSON.stringify({ seq: 1, name: "x" }),
    JSON.stringify({ ...event, name: "live_auction.unheard_of" }), // not a lot event of the contract
  ])(
    "skips what is not an event: %s",
    (raw) => {
      expect(dispatch(raw)).toEqual({ events: [], notices: [], shows: [] })
    }
  )

  it("takes a missing payload as empty, with the row's lot and seq", () => {
    expect((dispatch(JSON.stringify({ auction_id: "a", seq: 1, name: "live_auction.cancelled" })).events[0] as any).payload).toEqual({
      auction_id: "a",
      seq: 1,
      show_id: null,
    })
  })
})

describe("private notices in transport messages", () => {
  const notice = { customer_id: "cus_1", event: "auction:payment_due", payload: { auction_id: "auc_1", cart_id: "cart_1" } }

  it("reads notices alone (NOTIFY) or in a batch (Redis), and they are never taken for lot events", () => {
    expect(dispatch(JSON.stringify({ notice }))).toEqual({ events: [], notices: [notice], shows: [] })
    expect(dispatch(JSON.stringify([{ notice }, { notice: { ...notice, customer_id: "cus_2" } }])).notices).toHaveLength(2)
  })

  it.each([
    JSON.stringify({ notice: { ...notice, event: "auction:anything" } }),
    JSON.stringify({ notice: { ...notice, customer_id: 7 } }),
    JSON.stringify({ notice: { ...notice, payload: null } }),
    "not json",
  ])("skips what is not a notice: %s", (raw) => {
    expect(dispatch(raw)).toEqual({ events: [], notices: [], shows: [] })
  })
})

describe("show status changes in transport messages", () => {
  const show = {
    show_id: "show_1",
    seller_id: "user_1",
    status: "live",
    started_at: "2026-11-25T20:00:00.000Z",
    ended_at: null,
    publisher_status: "connected",
    recording_url: null,
  }

  it("reads them beside lot events and notices in one batch, each to its own sink", () => {
    const lot = { auction_id: "auc_1", seq: 1, name: "live_auction.started", payload: {} }
    const out = dispatch(JSON.stringify([{ show }, lot, { notice: { customer_id: "c", event: "auction:forfeited", payload: {} } }]))
    expect(out.shows).toEqual([show])
    expect(out.events).toHaveLength(1)
    expect(out.notices).toHaveLength(1)
  })

  it("carries the video's state; an unknown publisher status or a recording that is not a URL reads as none", () => {
    const recorded = { ...show, status: "ended", publisher_status: "lost", recording_url: "https://cdn.example.com/r.mp4" }
    expect(dispatch(JSON.stringify({ show: recorded })).shows).toEqual([recorded])
    expect(dispatch(JSON.stringify({ show: { ...show, publisher_status: "dancing", recording_url: "javascript:alert(1)" } })).shows).toEqual([
      { ...show, publisher_status: "offline", recording_url: null },
    ])
    const { publisher_status: _p, recording_url: _r, ...older } = show
    expect(dispatch(JSON.stringify({ show: older })).shows).toEqual([{ ...show, publisher_status: "offline" }])
  })

  it("drops a timestamp that is not one, keeping the change", () => {
    expect(dispatch(JSON.stringify({ show: { ...show, started_at: "yesterday" } })).shows).toEqual([{ ...show, started_at: null }])
  })

  it.each([
    JSON.stringify({ show: { ...show, status: "paused" } }),
    JSON.stringify({ show: { ...show, seller_id: null } }),
    JSON.stringify({ show: { ...show, show_id: 1 } }),
    JSON.stringify({ show: null }),
  ])("skips what is not a show change: %s", (raw) => {
    expect(dispatch(raw)).toEqual({ events: [], notices: [], shows: [] })
  })
})
