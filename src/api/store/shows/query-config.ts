import type { FieldsConfig } from "../../utils/query-fields"

/** What viewers see of a show: not the seller's user id nor staff metadata. */
const STORE_SHOW_COLUMNS = ["id", "title", "description", "status", "scheduled_at", "started_at", "ended_at", "playback_url", "thumbnail"]

export const storeShowListFields: FieldsConfig = { defaults: STORE_SHOW_COLUMNS, allowed: STORE_SHOW_COLUMNS, isList: true }

/** One show; `auctions` is its lineup (every lot viewers can see, as GET /store/auctions shows them). */
export const storeShowFields: FieldsConfig = {
  defaults: [...STORE_SHOW_COLUMNS, "auctions"],
  allowed: [...STORE_SHOW_COLUMNS, "auctions"],
}
