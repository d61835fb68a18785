import { z } from "@medusajs/framework/zod"
import { SHOW_STATUSES } from "../../../realtime/contract/transport"
import { oneOrMany, pagination } from "../../store/auctions/validators"

export const ShowStatus = z.enum(SHOW_STATUSES)

const ShowSettings = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(5000).nullish(),
  /** The admin user who runs the show; defaults to the one creating it. */
  seller_id: z.string().min(1).optional(),
  scheduled_at: z.coerce.date().nullish(),
  playback_url: z.url({ protocol: /^https?$/ }).max(2000).nullish(),
  thumbnail: z.url({ protocol: /^https?$/ }).max(2000).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
})

export const AdminCreateShow = ShowSettings.strict()
export type AdminCreateShowType = z.infer<typeof AdminCreateShow>

export const AdminUpdateShow = ShowSettings.partial()
  .strict()
  .refine((u) => Object.keys(u).length > 0, { message: "nothing to update" })
export type AdminUpdateShowType = z.infer<typeof AdminUpdateShow>

/** `?status=&seller_id=` plus pagination. */
export function showListQuery(defaultLimit: number, maxLimit: number, status: z.ZodEnum = ShowStatus) {
  return z
    .object({
      status: oneOrMany(status).optional(),
      seller_id: z.string().min(1).optional(),
      ...pagination(defaultLimit, maxLimit),
    })
    .strict()
}

export const AdminGetShows = showListQuery(50, 200)
export type AdminGetShowsType = z.infer<typeof AdminGetShows>

/** Routes that take no query parameters: an unknown one is a mistake worth a 400. */
export const NoQuery = z.object({}).strict()
