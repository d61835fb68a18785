import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import AuctionsModule from "../modules/auctions"

/** A catalog lot sells one product variant (read-only: the lot stores the id). */
export default defineLink(
  { linkable: AuctionsModule.linkable.auction, field: "product_variant_id" },
  ProductModule.linkable.productVariant,
  { readOnly: true }
)
