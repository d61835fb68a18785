import type { MedusaContainer } from "@medusajs/framework/types"
import { queryOne } from "../../utils/query-graph"
import { adminSellerFields } from "./query-config"

/** A seller profile, with the fields asked for. */
export function retrieveAdminSeller(scope: MedusaContainer, id: string, fields = adminSellerFields.defaults) {
  return queryOne(scope, { entity: "seller", fields, filters: { id } }, "Seller")
}
