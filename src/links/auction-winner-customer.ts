import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import AuctionsModule from "../modules/auctions"

/** The customer who won the lot, as `auction.winner` in Query (read-only: the lot stores the id). */
export default defineLink(
  { linkable: AuctionsModule.linkable.auction, field: "winner_customer_id" },
  { linkable: CustomerModule.linkable.customer, alias: "winner" },
  { readOnly: true }
)
