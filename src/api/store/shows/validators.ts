import { showListQuery } from "../../admin/shows/validators"

export const StoreGetShows = showListQuery(20, 100)
export type StoreGetShowsType = ReturnType<typeof StoreGetShows.parse>
