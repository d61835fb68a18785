/** Events the streams module's workflows emit on Medusa's event bus, each `{ id }` of the show. */
export const LiveShowEvents = {
  WENT_LIVE: "live_show.went_live",
  ENDED: "live_show.ended",
  CANCELLED: "live_show.cancelled",
} as const

export type LiveShowEventName = (typeof LiveShowEvents)[keyof typeof LiveShowEvents]
