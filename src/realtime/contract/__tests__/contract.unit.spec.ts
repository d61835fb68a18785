import type { Socket as ClientSocket } from "socket.io-client"
import { JoinRoomPayload, LeaveRoomPayload } from "../payloads"
import { parseRoom, rooms } from "../rooms"
import type { ClientToServerEvents, ServerToClientEvents } from "../events"

describe("rooms", () => {
  it("names rooms one way and parses them back", () => {
    expect(rooms.auction("auc_01ABC")).toBe("auction:auc_01ABC")
    expect(rooms.show("show_1")).toBe("show:show_1")
    expect(parseRoom(rooms.user("cus_9"))).toEqual({ kind: "user", id: "cus_9" })
    expect(parseRoom(rooms.seller("sel_2"))).toEqual({ kind: "seller", id: "sel_2" })
  })

  it.each(["auction:", "lobby:1", "auction:a b", "auction:x:y", `auction:${"a".repeat(65)}`, "AUCTION:1"])(
    "refuses %p",
    (name) => {
      expect(parseRoom(name)).toBeNull()
    }
  )
})

describe("client payloads", () => {
  it("accepts a join with or without last_seq", () => {
    expect(JoinRoomPayload.parse({ room: "auction:auc_1" })).toEqual({ room: "auction:auc_1" })
    expect(JoinRoomPayload.parse({ room: "show:s1", last_seq: 42 })).toEqual({ room: "show:s1", last_seq: 42 })
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
    expect(LeaveRoomPayload.safeParse({ room: "auction:a" }).success).toBe(true)
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
