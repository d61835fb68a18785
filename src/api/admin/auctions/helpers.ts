import type { MedusaContainer } from "@medusajs/framework/types"
import type { LiveActor } from "../../utils/live-actor"
import { queryList, queryOne } from "../../utils/query-graph"
import { ADMIN_AUCTION_MONEY, adminAuctionFields } from "./query-config"

type Row = Record<string, any>

/** The full lot (reserve and leader included; the leader's max for staff), with the fields asked for. */
export async function retrieveAdminAuction(scope: MedusaContainer, actor: LiveActor, id: string, fields = adminAuctionFields.defaults) {
  const lot = await queryOne(scope, { entity: "auction", fields, filters: { id }, money: ADMIN_AUCTION_MONEY }, "Auction")
  return lotForActor(actor, lot)
}

/**
 * Sellers do not see their bidders' maxes (the leader's on a lot, the amount of a max bid): a
 * seller who knew them could bid the price up to them with a second account. Staff see them.
 */
export function lotForActor(actor: LiveActor, lot: Row): Row {
  return actor.seller && "leader_max" in lot ? { ...lot, leader_max: null } : lot
}

/** A bid as the actor may see it; for a seller, any bid not known to be straight or buy-now has no amount. */
export function bidForActor(actor: LiveActor, bid: Row): Row {
  const visible = bid.kind === "straight" || bid.kind === "buy_now"
  return actor.seller && !visible && "amount" in bid ? { ...bid, amount: null } : bid
}

/** The ids of a product's variants (`?product_id=` on lots). */
export async function variantIdsOfProduct(scope: MedusaContainer, productId: string): Promise<string[]> {
  const { rows } = await queryList(scope, { entity: "product_variant", fields: ["id"], filters: { product_id: productId } })
  return rows.map((v) => v.id as string)
}
