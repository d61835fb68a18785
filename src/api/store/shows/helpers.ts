/** Cancelled shows are gone for viewers. */
export const STORE_SHOW_STATUSES = ["scheduled", "live", "ended"] as const
