import { describe, expect, it } from "@jest/globals"
import type { StoreShow, StoreShowVideo } from "medusa-plugin-live-commerce/store"
import { emptyStage, stageReducer } from "../stage"
import { choosePlayer, retryDelay, safeUrl, videoNotice, withReplay, type Connection } from "../video"

const video = (over: Partial<StoreShowVideo> = {}): StoreShowVideo => ({
  mode: "none",
  publisher_status: "offline",
  recording_url: null,
  preview_url: null,
  ...over,
})

const show = (over: Partial<Omit<StoreShow, "video">> & { video?: Partial<StoreShowVideo> } = {}): StoreShow => ({
  id: "show_1",
  title: "Friday cards",
  description: null,
  status: "live",
  scheduled_at: null,
  started_at: null,
  ended_at: null,
  playback_url: null,
  thumbnail: null,
  ...over,
  video: video(over.video),
})

const LIVEKIT = { features: { auctions: true, video: "livekit" as const } }
const EXTERNAL = { features: { auctions: true, video: "external" as const } }

describe("choosePlayer", () => {
  it("should join the LiveKit room of a live show that has one, when the store runs LiveKit", () => {
    expect(choosePlayer(show({ video: { mode: "livekit" } }), LIVEKIT)).toEqual({ kind: "livekit" })
  })

  it("should play the external playback URL otherwise: a file in <video>, a player page in an iframe", () => {
    expect(choosePlayer(show({ video: { mode: "external" }, playback_url: "https://cdn.example/live.m3u8" }), LIVEKIT)).toEqual({
      kind: "file",
      url: "https://cdn.example/live.m3u8",
      purpose: "live",
    })
    expect(choosePlayer(show({ video: { mode: "external" }, playback_url: "https://player.example/embed/42" }), EXTERNAL)).toEqual({
      kind: "embed",
      url: "https://player.example/embed/42",
    })
    // A LiveKit show on a store whose config says external (LiveKit was switched off) falls back to the URL.
    expect(choosePlayer(show({ video: { mode: "livekit" }, playback_url: "https://cdn.example/a.mp4" }), EXTERNAL)).toMatchObject({
      kind: "file",
    })
  })

  it("should never play a URL that is not http(s)", () => {
    expect(choosePlayer(show({ playback_url: "javascript:alert(1)" }), EXTERNAL)).toEqual({
      kind: "placeholder",
      text: "Live now: this show has no video on this page.",
    })
    expect(safeUrl("data:video/mp4;base64,AAAA")).toBeNull()
    expect(safeUrl("HTTPS://cdn.example/a.mp4")).toBe("HTTPS://cdn.example/a.mp4")
  })

  it("should replay an ended show's recording, or say there is none", () => {
    const url = "https://media.example/recordings/show_1.mp4"
    expect(choosePlayer(show({ status: "ended", video: { mode: "livekit", recording_url: url } }), LIVEKIT)).toEqual({
      kind: "file",
      url,
      purpose: "replay",
    })
    expect(choosePlayer(show({ status: "ended" }), LIVEKIT)).toEqual({ kind: "placeholder", text: "This show has ended; no replay is available." })
  })

  it("should play the preview before the show, and say when the video starts without one", () => {
    expect(choosePlayer(show({ status: "scheduled", video: { preview_url: "https://media.example/p.mp4" } }), LIVEKIT)).toEqual({
      kind: "file",
      url: "https://media.example/p.mp4",
      purpose: "preview",
    })
    expect(choosePlayer(show({ status: "scheduled" }), LIVEKIT)).toEqual({
      kind: "placeholder",
      text: "The video starts when the seller goes live.",
    })
    expect(choosePlayer(show({ status: "cancelled" }), LIVEKIT)).toEqual({ kind: "placeholder", text: "This show was cancelled." })
  })
})

describe("videoNotice", () => {
  const connected: Connection = { state: "connected" }

  it("should say what the seller's link is doing first: it is the same for every viewer", () => {
    expect(videoNotice("reconnecting", connected)).toEqual({ text: "Seller reconnecting…", tone: "warning" })
    expect(videoNotice("lost", connected)).toEqual({ text: "Stream lost", tone: "error" })
    expect(videoNotice("lost", { state: "reconnecting" })?.text).toBe("Stream lost")
    expect(videoNotice("connected", connected)).toBeNull()
  })

  it("should wait for the seller while the room is joined but nobody publishes", () => {
    expect(videoNotice("offline", connected)).toEqual({ text: "Waiting for the seller's video…", tone: "info" })
    expect(videoNotice(undefined, connected)?.text).toBe("Waiting for the seller's video…")
  })

  it("should say what this viewer's own link is doing, with the retry countdown", () => {
    expect(videoNotice("connected", { state: "connecting" })?.text).toBe("Connecting to the video…")
    expect(videoNotice("connected", { state: "reconnecting" })?.text).toBe("Reconnecting to the video…")
    const failed: Connection = { state: "failed", code: "livekit_server_unreachable", message: "", retry_at: 12_400 }
    expect(videoNotice("connected", failed, 10_000)).toEqual({
      text: "The video could not connect (livekit_server_unreachable). Retrying in 3 s.",
      tone: "error",
    })
    expect(videoNotice("offline", { ...failed, code: "show_not_live", retry_at: null })?.text).toBe(
      "The video could not connect (show_not_live)."
    )
  })
})

describe("retryDelay", () => {
  it("should back off, up to 30 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => retryDelay(n, "livekit_timeout"))).toEqual([
      1_000, 2_000, 5_000, 10_000, 20_000, 30_000, 30_000, 30_000,
    ])
  })

  it("should not try again when the server says the show cannot be watched this way", () => {
    expect(retryDelay(1, "show_not_live")).toBeNull()
    expect(retryDelay(1, "video_not_configured")).toBeNull()
    expect(retryDelay(1, "http_404")).toBeNull()
  })
})

describe("withReplay", () => {
  it("should keep ended shows with a playable recording, the latest first", () => {
    const shows = [
      show({ id: "a", status: "ended", ended_at: "2026-11-01T10:00:00Z", video: { recording_url: "https://m.example/a.mp4" } }),
      show({ id: "b", status: "ended", ended_at: "2026-11-02T10:00:00Z" }),
      show({ id: "c", status: "ended", ended_at: "2026-11-03T10:00:00Z", video: { recording_url: "https://m.example/c.mp4" } }),
      show({ id: "d", status: "ended", video: { recording_url: "ftp://m.example/d.mp4" } }),
    ]
    expect(withReplay(shows).map((s) => s.id)).toEqual(["c", "a"])
  })
})

describe("stageReducer: show:status with the video's fields", () => {
  it("should follow the seller's link and the recording, keeping what the event leaves out", () => {
    let stage = stageReducer(emptyStage, { type: "show", show: show({ video: { mode: "livekit", publisher_status: "connected" } }) })
    stage = stageReducer(stage, { type: "show_status", status: "live", publisher_status: "reconnecting" })
    expect(stage.show?.video).toMatchObject({ mode: "livekit", publisher_status: "reconnecting", recording_url: null })
    stage = stageReducer(stage, { type: "show_status", status: "live", publisher_status: "lost" })
    expect(stage.show?.video.publisher_status).toBe("lost")
    stage = stageReducer(stage, { type: "show_status", status: "ended" })
    expect(stage.show).toMatchObject({ status: "ended", video: { publisher_status: "lost" } })
    stage = stageReducer(stage, { type: "show_status", status: "ended", publisher_status: "offline", recording_url: "https://m.example/r.mp4" })
    expect(stage.show?.video).toMatchObject({ publisher_status: "offline", recording_url: "https://m.example/r.mp4" })
    expect(choosePlayer(stage.show!, LIVEKIT)).toMatchObject({ kind: "file", purpose: "replay", url: "https://m.example/r.mp4" })
  })
})
