import { z } from "@medusajs/framework/zod"
import { SHOW_MEDIA_KIND_NAMES } from "../../../lib/media/kinds"
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
/** Fields a show list sorts by, Medusa's way: `order=-ended_at` is newest ended first. */
export const SHOW_ORDER_FIELDS = ["scheduled_at", "started_at", "ended_at", "created_at", "title"] as const
export const ShowOrder = z.enum(SHOW_ORDER_FIELDS.flatMap((f) => [f, `-${f}`] as const))

/** `order` as Query's pagination takes it; `created_at` breaks ties so pages are stable. */
export function showOrder(order: string | undefined, fallback: Record<string, "ASC" | "DESC">): Record<string, "ASC" | "DESC"> {
  if (!order) {
    return fallback
  }
  const field = order.replace(/^-/, "")
  const direction = order.startsWith("-") ? "DESC" : "ASC"
  return field === "created_at" ? { created_at: direction } : { [field]: direction, created_at: direction }
}

export function showListQuery(defaultLimit: number, maxLimit: number, status: z.ZodEnum = ShowStatus) {
  return z
    .object({
      status: oneOrMany(status).optional(),
      seller_id: EntityId.optional(),
      order: ShowOrder.optional(),
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

const MediaKind = z.enum(SHOW_MEDIA_KIND_NAMES as [ShowMediaKindName, ...ShowMediaKindName[]])
type ShowMediaKindName = (typeof SHOW_MEDIA_KIND_NAMES)[number]

/** `POST /admin/shows/:id/media-uploads`: the file the seller is about to upload (checked before a URL is signed). */
export const AdminCreateShowMediaUpload = z
  .object({
    kind: MediaKind,
    /** A MIME type (`image/png`); which ones a kind takes is a business rule (400 `media_type_not_allowed`). */
    content_type: z.string().max(100).regex(/^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*$/i, "must be a MIME type"),
    /** In bytes: signed into the URL, so the store takes exactly this length. */
    size: z.int().positive().max(1024 ** 3),
  })
  .strict()
export type AdminCreateShowMediaUploadType = z.infer<typeof AdminCreateShowMediaUpload>

/** `POST /admin/shows/:id/media`: the uploaded object becomes the show's thumbnail or preview. */
export const AdminAttachShowMedia = z
  .object({ kind: MediaKind, key: z.string().max(500).regex(/^[A-Za-z0-9_./-]+$/, "must be an object key from media-uploads") })
  .strict()
export type AdminAttachShowMediaType = z.infer<typeof AdminAttachShowMedia>
