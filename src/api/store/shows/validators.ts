import { z } from "@medusajs/framework/zod"
import { showListQuery } from "../../admin/shows/validators"

/** Cancelled shows are gone for viewers: asking for them is a mistake, not an empty list. */
export const StoreShowStatus = z.enum(["scheduled", "live", "ended"])

export const StoreGetShows = showListQuery(20, 100, StoreShowStatus)
export type StoreGetShowsType = z.infer<typeof StoreGetShows>
