import type { MedusaContainer } from "@medusajs/framework/types"
import { queryOne } from "../../utils/query-graph"
import { ADMIN_AUCTION_MONEY, adminAuctionFields } from "./query-config"

/** The full lot for staff (reserve, leader and max included), with the fields asked for. */
export function retrieveAdminAuction(scope: MedusaContainer, id: string, fields = adminAuctionFields.defaults) {
  return queryOne(scope, { entity: "auction", fields, filters: { id }, money: ADMIN_AUCTION_MONEY }, "Auction")
}
