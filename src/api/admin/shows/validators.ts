import { z } from "@medusajs/framework/zod"
import { SHOW_STATUSES } from "../../../realtime/contract/transport"
import { AdminLineupLot } from "../auctions/validators"
import { DateTime, EntityId, Fields, Metadata, oneOrMany, pagination, Text, Title, WebUrl } from "../../utils/validators"

export const ShowStatus = z.enum(SHOW_STATUSES)

const ShowSettings = z.object({
  title: Title(200),
  description: Text(5000).nullish(),
  /** The admin user who runs the show; defaults to the one creating it. */
  seller_id: EntityId.optional(),
  /** When viewers are told it starts (going live does not wait for it). */
  scheduled_at: DateTime.nullish(),
  playback_url: WebUrl.nullish(),
  thumbnail: WebUrl.nullish(),
  metadata: Metadata.nullish(),
})

export const AdminCreateShow = ShowSettings.strict()
export type AdminCreateShowType = z.infer<typeof AdminCreateShow>

/** `POST /admin/shows/:id/ingress`: how OBS sends the video. */
export const AdminCreateIngress = z.object({ type: z.enum(["rtmp", "whip"]) }).strict()
export type AdminCreateIngressType = z.infer<typeof AdminCreateIngress>

export const AdminUpdateShow = ShowSettings.partial()
  .strict()
  .refine((u) => Object.keys(u).length > 0, { message: "nothing to update" })
export type AdminUpdateShowType = z.infer<typeof AdminUpdateShow>

/** `?status=&seller_id=` plus pagination. */
export function showListQuery(defaultLimit: number, maxLimit: number, status: z.ZodEnum = ShowStatus) {
  return z
    .object({
      status: oneOrMany(status).optional(),
      seller_id: EntityId.optional(),
      ...pagination(defaultLimit, maxLimit),
      ...Fields,
    })
    .strict()
}

export const AdminGetShows = showListQuery(50, 200)
export type AdminGetShowsType = z.infer<typeof AdminGetShows>

/** `POST /admin/shows/:id/lineup`: lots appended to the show's lineup, as drafts, in this order. */
export const AdminAddToLineup = z.object({ lots: z.array(AdminLineupLot).min(1).max(50) }).strict()
export type AdminAddToLineupType = z.infer<typeof AdminAddToLineup>

/** `POST /admin/shows/:id/lineup/reorder`: the show's unfinished lots, each once, in their new order. */
export const AdminReorderLineup = z.object({ auction_ids: z.array(EntityId).min(1).max(500) }).strict()
export type AdminReorderLineupType = z.infer<typeof AdminReorderLineup>
