import { EgressInfo, EgressStatus, ParticipantInfo, Room, WebhookEvent } from "livekit-server-sdk"
import { apiHost, toVideoSignal } from "../lib/livekit"

function event(name: string, fields: ConstructorParameters<typeof WebhookEvent>[0] = {}) {
  const e = new WebhookEvent({ id: "EV_1", ...fields })
  e.event = name as WebhookEvent["event"]
  return e
}
const room = new Room({ name: "show_1" })
const participant = (identity: string, kind = 0) => new ParticipantInfo({ identity, kind })

describe("toVideoSignal", () => {
  it.each([
    ["participant_joined", "seller:user_1", 0, { kind: "publisher_joined", room: "show_1", identity: "seller:user_1" }],
    ["participant_left", "seller:user_1", 0, { kind: "publisher_left", room: "show_1", identity: "seller:user_1" }],
    ["participant_connection_aborted", "seller:user_1", 0, { kind: "publisher_left", room: "show_1", identity: "seller:user_1" }],
    ["participant_left", "ingress:show_1", 0, { kind: "publisher_left", room: "show_1", identity: "ingress:show_1" }],
    ["participant_joined", "obs", 1, { kind: "publisher_joined", room: "show_1", identity: "obs" }],
    ["participant_joined", "viewer:abc", 0, { kind: "ignored" }],
    ["participant_left", "customer:cus_1", 0, { kind: "ignored" }],
  ])("%s of %s (kind %i) is %j", (name, identity, kind, signal) => {
    expect(toVideoSignal(event(name, { room, participant: participant(identity, kind) }))).toEqual(signal)
  })

  it("reads rooms starting and finishing, and ignores events without a room or not about the show", () => {
    expect(toVideoSignal(event("room_started", { room }))).toEqual({ kind: "room_started", room: "show_1" })
    expect(toVideoSignal(event("room_finished", { room }))).toEqual({ kind: "room_finished", room: "show_1" })
    expect(toVideoSignal(event("room_finished"))).toEqual({ kind: "ignored" })
    expect(toVideoSignal(event("track_published", { room, participant: participant("seller:user_1") }))).toEqual({ kind: "ignored" })
  })

  it("reads an egress that wrote its file as done, and any other ending as failed", () => {
    const file = { filename: "recordings/show_1/a.mp4", location: "https://s3/live/recordings/show_1/a.mp4" }
    const ended = (status: EgressStatus, files = [file]) =>
      toVideoSignal(event("egress_ended", { egressInfo: new EgressInfo({ egressId: "EG_1", roomName: "show_1", status, fileResults: files }) }))
    expect(ended(EgressStatus.EGRESS_COMPLETE)).toEqual({ kind: "egress_ended", egress_id: "EG_1", room: "show_1", ok: true, ...file })
    expect(ended(EgressStatus.EGRESS_LIMIT_REACHED)).toMatchObject({ ok: true })
    expect(ended(EgressStatus.EGRESS_FAILED)).toMatchObject({ ok: false })
    expect(ended(EgressStatus.EGRESS_ABORTED)).toMatchObject({ ok: false })
    expect(ended(EgressStatus.EGRESS_COMPLETE, [])).toMatchObject({ ok: false, location: null, filename: null })
    expect(toVideoSignal(event("egress_ended", { egressInfo: new EgressInfo({}) }))).toEqual({ kind: "ignored" })
  })
})

describe("apiHost", () => {
  it("talks to LiveKit's API over http(s) on the host clients connect to over ws(s)", () => {
    expect(apiHost("wss://lk.example.com")).toBe("https://lk.example.com")
    expect(apiHost("ws://127.0.0.1:7880")).toBe("http://127.0.0.1:7880")
    expect(apiHost("https://lk.example.com")).toBe("https://lk.example.com")
  })
})
