import type { MedusaContainer } from "@medusajs/framework/types"
import { STREAMS_MODULE } from "../../../modules/streams"
import type StreamsModuleService from "../../../modules/streams/service"
import type { StoreShowVideo } from "../../../realtime/contract/store-api"

/** Cancelled shows are gone for viewers. */
export const STORE_SHOW_STATUSES = ["scheduled", "live", "ended"] as const

/** The columns a show's `video` is made of (read with it, and left out of the answer unless asked for). */
const VIDEO_SOURCE = ["room_name", "playback_url", "publisher_status", "recording_url", "preview_url"]

/**
 * The fields to read for a request's fields: `video` is not a column but made from these
 * (`withVideo`). Answers the fields to query and those to drop from the answer afterwards.
 */
export function videoQueryFields(fields: string[]): { query: string[]; extra: string[] } {
  if (!fields.includes("video")) {
    return { query: fields, extra: [] }
  }
  const extra = VIDEO_SOURCE.filter((f) => !fields.includes(f))
  return { query: [...fields.filter((f) => f !== "video"), ...extra], extra }
}

/**
 * Adds each show's `video`: "livekit" when LiveKit is configured and the show has a room,
 * "external" when it has a playback URL, else "none"; the seller's connection, the recording and
 * the preview video. Drops the columns read only for it (the room name is not the viewer's).
 */
export async function withVideo<T extends Record<string, unknown>>(scope: MedusaContainer, shows: T[], extra: string[]): Promise<T[]> {
  const livekit = !!(await scope.resolve<StreamsModuleService>(STREAMS_MODULE).videoConfig())
  return shows.map((show) => {
    const video: StoreShowVideo = {
      mode: livekit && show.room_name ? "livekit" : show.playback_url ? "external" : "none",
      publisher_status: (show.publisher_status as StoreShowVideo["publisher_status"]) ?? "offline",
      recording_url: (show.recording_url as string | null) ?? null,
      preview_url: (show.preview_url as string | null) ?? null,
    }
    const out: Record<string, unknown> = { ...show, video }
    extra.forEach((f) => delete out[f])
    return out as T
  })
}
