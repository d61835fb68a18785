import type { Socket as ClientSocket } from "socket.io-client"
import { ClientToServerPayloads, JoinRoomPayload, LeaveRoomPayload, type ClientEventName } from "../payloads"
import { parseRoom, rooms } from "../rooms"
import type { LotBroadcast } from "../deliveries"
import type { ClientToServerEvents, ClientToServerResults, ServerToClientEvents } from "../events"
import type { LotEvent } from "../live-events"
import type { LiveMessage, PrivateNotice } from "../transport"

describe("rooms", () => {
  it("names rooms one way and parses them back", () => {
    expect(rooms.auction("auc_01ABC")).toBe("auction:auc_01ABC")
    expect(rooms.show("show_01JB2")).toBe("show:show_01JB2")
    expect(parseRoom(rooms.auction("auc_01JB2K"))).toEqual({ kind: "auction", id: "auc_01JB2K" })
    expect(parseRoom(rooms.show("show_01JB2"))).toEqual({ kind: "show", id: "show_01JB2" })
    expect(parseRoom(rooms.user("cus_01JB9"))).toEqual({ kind: "user", id: "cus_01JB9" })
    expect(parseRoom(rooms.seller("user_01JB2"))).toEqual({ kind: "seller", id: "user_01JB2" })
  })

  it.each([
    "auction:",
    "lobby:1",
    "auction:a b",
    "auction:x:y",
    `auction:auc_${"a".repeat(61)}`,
    "AUCTION:auc_1",
    // Each kind takes its own Medusa id prefix, and nothing but letters and digits after it.
    "auction:a1",
    "auction:show_1",
    "show:s1",
    "show:auc_1",
    "user:user_1",
    "seller:cus_1",
    "auction:auc_",
    "auction:auc_1\u0000",
    "auction:auc_1\n",
    "auction:auc_1-2",
    "auction:auc_1_2",
  ])(
    "refuses %p",
    (name) => {
      expect(parseRoom(name)).toBeNull()
    }
  )
})

describe("client payloads", () => {
  it("accepts a join with or without last_seq", () => {
    expect(JoinRoomPayload.parse({ room: "auction:auc_1" })).toEqual({ room: "auction:auc_1" })
    expect(JoinRoomPayload.parse({ room: "show:show_1", last_seq: 42 })).toEqual({ room: "show:show_1", last_seq: 42 })
  })

  it.each([
    [{ room: "lobby:1" }],
    [{ room: "auction:auc_1", last_seq: -1 }],
    [{ room: "auction:auc_1", last_seq: 1.5 }],
    [{ room: "auction:auc_1", last_seq: "3" }],
    [{ room: "auction:auc_1", extra: true }],
    [{}],
    [null],
  ])("refuses join payload %j", (payload) => {
    expect(JoinRoomPayload.safeParse(payload).success).toBe(false)
  })

  it("refuses a leave without a valid room", () => {
    expect(LeaveRoomPayload.safeParse({ room: "nope" }).success).toBe(false)
    expect(LeaveRoomPayload.safeParse({ room: "auction:auc_a" }).success).toBe(true)
  })
})

describe("client→server events", () => {
  it("declares the arguments before the ack of every event, strictly: none missing, none extra", () => {
    const ok: Record<ClientEventName, unknown[]> = {
      "time:sync": [],
      "room:join": [{ room: "auction:auc_1", last_seq: 3 }],
      "room:leave": [{ room: "show:show_1" }],
      "chat:send": [{ show_id: "show_1", text: "hi", kind: "question" }],
    }
    for (const [event, args] of Object.entries(ok) as [ClientEventName, unknown[]][]) {
      const schema = ClientToServerPayloads[event]
      expect(schema.safeParse(args).success).toBe(true)
      expect(schema.safeParse([...args, "extra"]).success).toBe(false)
    }
    expect(ClientToServerPayloads["room:join"].safeParse([]).success).toBe(false)
  })

  it("derives the typed events from the declared schemas (compiled by `npm test`'s typecheck)", () => {
    // Every declared event has a result type and every result type a declared event.
    const sameEvents: [ClientEventName, keyof ClientToServerResults] extends [keyof ClientToServerResults, ClientEventName] ? true : false = true
    const typedEvents: [keyof ClientToServerEvents] extends [ClientEventName] ? true : false = true
    expect([sameEvents, typedEvents]).toEqual([true, true])
  })
})

describe("typed sockets", () => {
  it("type-checks a storefront's use of the contract (compiled by `npm test`'s typecheck)", () => {
    // Never called: the assertions are the compiler's. A wrong event name or payload fails typecheck.
    const useSocket = (socket: ClientSocket<ServerToClientEvents, ClientToServerEvents>) => {
      socket.on("bid:placed", (event) => {
        const price: number = event.price
        const seq: number = event.seq
        return [price, seq]
      })
      socket.on("auction:closed", (event) => event.status === "sold" && event.hammer_price)
      socket.emit("room:join", { room: "auction:auc_1", last_seq: 3 }, (res) => (res.ok ? res.data.replayed : res.error.code))
    }
    expect(typeof useSocket).toBe("function")
  })
})

describe("typed deliveries (compiled by `npm test`'s typecheck)", () => {
  const offer = { auction_id: "auc_1", offer_id: "loff_1", rank: 0, amount: 9, currency_code: "usd", due_at: "2030-01-01T00:00:00Z", cart_id: null, server_time: "2029-12-31T00:00:00Z" }
  const bid = { auction_id: "auc_1", auction_seq: 3, show_id: null, server_time: "2029-12-31T00:00:00Z", bid_id: "bid_1", bidder: "bidder-a", outcome: "leading" as const, price: 5, bid_count: 1, leader: "bidder-a", ends_at: null }

  it("takes a notice or a broadcast only with exactly its event's payload", () => {
    const notices: PrivateNotice[] = [
      { customer_id: "cus_1", event: "auction:payment_due", payload: offer },
      { customer_id: "cus_1", event: "auction:charge_failed", payload: { ...offer, charge_status: "declined", reason: null } },
      // @ts-expect-error not an event a customer is told about
      { customer_id: "cus_1", event: "auction:paid_maybe", payload: offer },
      // @ts-expect-error a field the event does not carry
      { customer_id: "cus_1", event: "auction:payment_due", payload: { ...offer, charge_status: "declined" } },
      // @ts-expect-error a failed charge says how it failed
      { customer_id: "cus_1", event: "auction:charge_failed", payload: offer },
    ]
    const broadcasts: LotBroadcast[] = [
      { event: "bid:placed", payload: bid },
      // @ts-expect-error a price is a number
      { event: "bid:placed", payload: { ...bid, price: "5" } },
      // @ts-expect-error the payload of another event
      { event: "auction:extended", payload: bid },
    ]
    const events: LotEvent[] = [
      { name: "live_auction.rerun", payload: { auction_id: "auc_1", seq: 4, show_id: null, server_time: "2029-12-31T00:00:00Z", run: 2 } },
      // @ts-expect-error a lot event's name is one of the contract's
      { name: "live_auction.paused", payload: { auction_id: "auc_1", seq: 4, show_id: null, server_time: "2029-12-31T00:00:00Z" } },
    ]
    expect([notices.length, broadcasts.length, events.length]).toEqual([5, 3, 2])
  })

  it("lets the live-events pipeline carry only the contract's messages", () => {
    const at = "2029-12-31T00:00:00Z"
    const show = { show_id: "show_1", seller_id: "user_1", status: "live" as const, started_at: at, ended_at: null, publisher_status: "connected" as const, recording_url: null }
    const messages: LiveMessage[] = [
      { show },
      { notice: { customer_id: "cus_1", event: "auction:forfeited", payload: offer } },
      { auction_id: "auc_1", seq: 4, name: "live_auction.cancelled", payload: { auction_id: "auc_1", seq: 4, show_id: null, server_time: at }, show_id: null, show_seq: null },
      // @ts-expect-error a show status the contract does not have
      { show: { ...show, status: "paused" } },
      // @ts-expect-error a notice of an event customers are not sent privately
      { notice: { customer_id: "cus_1", event: "bid:placed", payload: offer } },
      // @ts-expect-error a lot event without its own payload fields (the closed event's)
      { auction_id: "auc_1", seq: 5, name: "live_auction.closed", payload: { auction_id: "auc_1", seq: 5, show_id: null, server_time: at } },
    ]
    expect(messages).toHaveLength(6)
  })
})
