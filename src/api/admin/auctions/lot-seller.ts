import type { MedusaContainer } from "@medusajs/framework/types"
import { sellerOfNewRecord, type LiveActor } from "../../utils/live-actor"
import { queryList } from "../../utils/query-graph"

/**
 * Who sells a lot made (or moved) by this actor: its show's seller when it is in a show,
 * otherwise the calling seller, or for staff the admin user they name (or nobody).
 * An unknown show is left to the workflow's own check (`show_not_found`).
 */
export async function lotSeller(scope: MedusaContainer, actor: LiveActor, showId?: string | null, named?: string | null) {
  const own = sellerOfNewRecord(actor, named)
  if (!showId) {
    return own
  }
  const { rows } = await queryList(scope, { entity: "show", fields: ["id", "seller_id"], filters: { id: showId } })
  return (rows[0]?.seller_id as string | undefined) ?? own
}
