import type { MedusaContainer } from "@medusajs/framework/types"
import { queryOne } from "../../utils/query-graph"
import { adminShowFields } from "./query-config"

/** A show for staff, with the fields asked for. */
export function retrieveAdminShow(scope: MedusaContainer, id: string, fields = adminShowFields.defaults) {
  return queryOne(scope, { entity: "show", fields, filters: { id } }, "Show")
}
