import type { PublisherStatus } from "medusa-plugin-live-commerce/realtime/contract"
import type { StoreLiveConfig, StoreShow } from "medusa-plugin-live-commerce/store"

/*
 * What the show's video area plays, and what it says over the picture, as pure functions of the
 * show (HTTP snapshot + `show:status` events) and the store's live config. The components only
 * render the answer; livekit-client is loaded only when the answer is "livekit".
 */

export type Player =
  /** Join the show's LiveKit room with a viewer token (the player is loaded on demand). */
  | { kind: "livekit" }
  /** A video file: the external playback URL, the preview before the show, or the recording after it. */
  | { kind: "file"; url: string; purpose: "live" | "preview" | "replay" }
  /** An embeddable player page (the external playback URL when it is not a file). */
  | { kind: "embed"; url: string }
  | { kind: "placeholder"; text: string }

const VIDEO_FILE = /\.(mp4|webm|m3u8|mov|ogv)(\?|#|$)/i

/** Only http(s) URLs are played: anything else (javascript:, data:) is ignored. */
export function safeUrl(url: string | null | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null
}

export function choosePlayer(show: StoreShow, live: Pick<StoreLiveConfig, "features">): Player {
  const video = show.video
  switch (show.status) {
    case "live": {
      if (video?.mode === "livekit" && live.features.video === "livekit") {
        return { kind: "livekit" }
      }
      const url = safeUrl(show.playback_url)
      if (url) {
        return VIDEO_FILE.test(url) ? { kind: "file", url, purpose: "live" } : { kind: "embed", url }
      }
      return { kind: "placeholder", text: "Live now: this show has no video on this page." }
    }
    case "ended": {
      const url = safeUrl(video?.recording_url)
      return url ? { kind: "file", url, purpose: "replay" } : { kind: "placeholder", text: "This show has ended; no replay is available." }
    }
    case "cancelled":
      return { kind: "placeholder", text: "This show was cancelled." }
    default: {
      const url = safeUrl(video?.preview_url)
      return url ? { kind: "file", url, purpose: "preview" } : { kind: "placeholder", text: "The video starts when the seller goes live." }
    }
  }
}

/** The viewer's own link to the LiveKit room. */
export type Connection =
  | { state: "connecting" }
  | { state: "connected" }
  /** livekit-client is resuming a dropped link by itself. */
  | { state: "reconnecting" }
  /** The link failed or ended; a new token and connection are tried at `retry_at` (ms epoch). */
  | { state: "failed"; code: string; message: string; retry_at: number | null }

export type VideoNotice = { text: string; tone: "info" | "warning" | "error" }

/**
 * The line over a LiveKit player. The seller's side comes first (the server knows it from
 * LiveKit's webhooks, and it is the same for every viewer); then this viewer's own link.
 */
export function videoNotice(publisher: PublisherStatus | undefined, connection: Connection, now = Date.now()): VideoNotice | null {
  if (publisher === "reconnecting") {
    return { text: "Seller reconnecting…", tone: "warning" }
  }
  if (publisher === "lost") {
    return { text: "Stream lost", tone: "error" }
  }
  switch (connection.state) {
    case "connecting":
      return { text: "Connecting to the video…", tone: "info" }
    case "reconnecting":
      return { text: "Reconnecting to the video…", tone: "warning" }
    case "failed": {
      const retry = connection.retry_at === null ? "" : ` Retrying in ${Math.max(1, Math.ceil((connection.retry_at - now) / 1000))} s.`
      return { text: `The video could not connect (${connection.code}).${retry}`, tone: "error" }
    }
    case "connected":
      return publisher === "connected" ? null : { text: "Waiting for the seller's video…", tone: "info" }
  }
}

const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 20_000, 30_000]

/**
 * How long to wait before connecting again after `failures` failed attempts in a row, or null
 * when trying again cannot help (the show is not live, video is off: the page learns otherwise
 * from `show:status`).
 */
export function retryDelay(failures: number, code: string): number | null {
  if (code === "show_not_live" || code === "video_not_configured" || code === "not_found" || code === "http_404") {
    return null
  }
  return RETRY_MS[Math.min(Math.max(failures, 1), RETRY_MS.length) - 1]
}

/** Ended shows that can be replayed, the latest first. */
export function withReplay(shows: StoreShow[]): StoreShow[] {
  return shows
    .filter((show) => show.status === "ended" && safeUrl(show.video?.recording_url))
    .sort((a, b) => (b.ended_at ?? "").localeCompare(a.ended_at ?? ""))
}
