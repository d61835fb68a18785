import type { FieldsConfig } from "../../utils/query-fields"

/** What viewers see of a show: not the seller's user id nor staff metadata (nor its room name). */
const STORE_SHOW_COLUMNS = ["id", "title", "description", "status", "scheduled_at", "started_at", "ended_at", "playback_url", "thumbnail"]

/** Made from columns (`helpers.ts`): how to watch it (LiveKit, an external URL, none), the seller's connection, the recording. */
const VIDEO = "video"

export const storeShowListFields: FieldsConfig = {
  defaults: [...STORE_SHOW_COLUMNS, VIDEO],
  allowed: [...STORE_SHOW_COLUMNS, VIDEO],
  isList: true,
}

/** One show; `auctions` is its lineup (every lot viewers can see, as GET /store/auctions shows them). */
export const storeShowFields: FieldsConfig = {
  defaults: [...STORE_SHOW_COLUMNS, VIDEO, "auctions"],
  allowed: [...STORE_SHOW_COLUMNS, VIDEO, "auctions"],
}
