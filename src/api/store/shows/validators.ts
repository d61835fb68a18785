import { z } from "@medusajs/framework/zod"
import { showListQuery } from "../../admin/shows/validators"
import { STORE_SHOW_STATUSES } from "./helpers"

/** Cancelled shows are gone for viewers: asking for them is a mistake, not an empty list. */
export const StoreGetShows = showListQuery(20, 100, z.enum(STORE_SHOW_STATUSES))
export type StoreGetShowsType = z.infer<typeof StoreGetShows>
