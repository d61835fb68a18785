import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import AuctionsModule from "../modules/auctions"

/** The order that paid for a sold lot (read-only: the lot stores the id). */
export default defineLink(
  { linkable: AuctionsModule.linkable.auction, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
