import { EmptyBody, FieldsQuery, IdParams, NoQuery } from "../../utils/validators"
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
  // Anyone may watch a live show; a logged-in customer joins under their own identity.
  {
    method: "POST",
    path: "/store/shows/:id/viewer-token",
    params: IdParams("id"),
    query: NoQuery,
    body: EmptyBody,
    auth: "customer_optional",
    access: STORE_PUBLIC,
  },
]
