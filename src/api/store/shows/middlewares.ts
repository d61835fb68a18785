import { FieldsQuery, IdParams } from "../../utils/validators"
import { STORE_PUBLIC, type LiveRoute } from "../../utils/live-routes"
import { storeShowFields, storeShowListFields } from "./query-config"
import { StoreGetShows } from "./validators"

export const storeShowRoutes: LiveRoute[] = [
  { method: "GET", path: "/store/shows", query: StoreGetShows, fields: storeShowListFields, access: STORE_PUBLIC },
  {
    method: "GET",
    path: "/store/shows/:id",
    params: IdParams("id"),
    query: FieldsQuery,
    fields: storeShowFields,
    access: STORE_PUBLIC,
  },
]
