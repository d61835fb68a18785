import { IdParams, NoQuery } from "../../utils/validators"
import { STORE_PUBLIC, type LiveRoute } from "../../utils/live-routes"
import { StoreGetShows } from "./validators"

export const storeShowRoutes: LiveRoute[] = [
  { method: "GET", path: "/store/shows", query: StoreGetShows, access: STORE_PUBLIC },
  { method: "GET", path: "/store/shows/:id", params: IdParams("id"), query: NoQuery, access: STORE_PUBLIC },
]
