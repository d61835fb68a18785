import type { MedusaContainer } from "@medusajs/framework/types"
import type { LiveActor } from "../../utils/live-actor"
import { queryList } from "../../utils/query-graph"
import { lotForActor } from "../auctions/helpers"
import { ADMIN_AUCTION_MONEY, adminAuctionFields } from "../auctions/query-config"

/** Lots not finished: still to run, or running. */
export const UNFINISHED_LOT_STATUSES = ["draft", "scheduled", "live"]

/** A show's lots in their running order (by `position`, then by when they were made). */
export async function listLineup(scope: MedusaContainer, actor: LiveActor, showId: string, fields = adminAuctionFields.defaults) {
  const { rows } = await queryList(scope, {
    entity: "auction",
    fields: [...new Set([...fields, "position"])],
    filters: { show_id: showId },
    pagination: { order: { position: "ASC", created_at: "ASC" } },
    money: ADMIN_AUCTION_MONEY,
  })
  return rows.map((lot) => lotForActor(actor, lot))
}

/** Default lot titles for variants: "<product title> – <variant title>" (or the product's alone). */
export async function variantTitles(scope: MedusaContainer, variantIds: string[]): Promise<Map<string, string>> {
  const { rows } = await queryList(scope, {
    entity: "product_variant",
    fields: ["id", "title", "product.title"],
    filters: { id: [...new Set(variantIds)] },
  })
  return new Map(
    rows.map((v) => {
      const product = (v.product?.title as string | undefined) ?? ""
      const variant = (v.title as string | undefined) ?? ""
      const title = [product, variant].filter((t) => t && t !== "Default variant").join(" – ")
      return [v.id as string, title.slice(0, 200) || (v.id as string)]
    })
  )
}
