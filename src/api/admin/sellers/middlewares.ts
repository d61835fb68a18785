import { OWNER_OR_STAFF, STAFF_ONLY, type LiveRoute } from "../../utils/live-routes"
import { FieldsQuery, IdParams, NoQuery } from "../../utils/validators"
import { adminSellerFields, adminSellerListFields } from "./query-config"
import { AdminCreateSeller, AdminGetSellers, AdminUpdateSeller } from "./validators"

const seller = IdParams("id")

export const adminSellerRoutes: LiveRoute[] = [
  { method: "GET", path: "/admin/sellers", query: AdminGetSellers, fields: adminSellerListFields, scope: "staff", access: STAFF_ONLY },
  { method: "POST", path: "/admin/sellers", query: NoQuery, body: AdminCreateSeller, scope: "staff", access: STAFF_ONLY },
  {
    method: "GET",
    path: "/admin/sellers/:id",
    params: seller,
    query: FieldsQuery,
    fields: adminSellerFields,
    scope: { owner: "seller" },
    access: OWNER_OR_STAFF,
  },
  {
    method: "POST",
    path: "/admin/sellers/:id",
    params: seller,
    query: NoQuery,
    body: AdminUpdateSeller,
    scope: { owner: "seller" },
    access: OWNER_OR_STAFF,
  },
]
