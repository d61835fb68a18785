/** What viewers see of a show: not the seller's user id nor staff metadata. */
export const STORE_SHOW_FIELDS = [
  "id",
  "title",
  "description",
  "status",
  "scheduled_at",
  "started_at",
  "ended_at",
  "playback_url",
  "thumbnail",
] as const

/** Cancelled shows are gone for viewers. */
export const STORE_SHOW_STATUSES = ["scheduled", "live", "ended"] as const
