import { FieldsQuery, IdParams, NoQuery } from "../../utils/validators"
import { actionRoutes, STAFF_ONLY, type LiveRoute } from "../../utils/live-routes"
import { adminShowFields, adminShowListFields } from "./query-config"
import { AdminCreateShow, AdminGetShows, AdminUpdateShow } from "./validators"

const show = IdParams("id")

export const adminShowRoutes: LiveRoute[] = [
  { method: "GET", path: "/admin/shows", query: AdminGetShows, fields: adminShowListFields, access: STAFF_ONLY },
  { method: "POST", path: "/admin/shows", query: NoQuery, body: AdminCreateShow, access: STAFF_ONLY },
  { method: "GET", path: "/admin/shows/:id", params: show, query: FieldsQuery, fields: adminShowFields, access: STAFF_ONLY },
  { method: "POST", path: "/admin/shows/:id", params: show, query: NoQuery, body: AdminUpdateShow, access: STAFF_ONLY },
  ...actionRoutes("/admin/shows/:id", ["go-live", "end", "cancel"], show, STAFF_ONLY),
]
