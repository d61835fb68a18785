import type { BidIncrementStep } from "../../lib/options"

export type StoreLiveConfig = {
  realtime: { url: string; path: string }
  features: {
    auctions: boolean
    /** "livekit": shows stream through LiveKit; "external": shows carry a playback URL. */
    video: "livekit" | "external"
  }
  video: { livekit_url: string } | null
  auctions: { increments: BidIncrementStep[]; soft_close_seconds: number }
  /** Lets clients correct countdowns before their socket connects. */
  server_time: string
}

export type StoreLiveConfigResponse = { config: StoreLiveConfig }
