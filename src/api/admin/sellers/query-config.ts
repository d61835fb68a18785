import { SELLER_FIELDS } from "../../utils/live-actor"
import type { FieldsConfig } from "../../utils/query-fields"
import { relationFields } from "../../utils/query-graph"

/** A seller profile, and its admin user with `?fields=*user` or `user.email`. */
export const adminSellerFields: FieldsConfig = {
  defaults: SELLER_FIELDS,
  allowed: [...SELLER_FIELDS, ...relationFields("user", ["id", "email", "first_name", "last_name", "avatar_url"])],
}

export const adminSellerListFields: FieldsConfig = { ...adminSellerFields, isList: true }
