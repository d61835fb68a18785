import type { MedusaContainer } from "@medusajs/framework/types"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type AuctionsModuleService from "../../../modules/auctions/service"
import { queryOne } from "../../utils/query-graph"

export function auctionsService(scope: MedusaContainer): AuctionsModuleService {
  return scope.resolve(AUCTIONS_MODULE)
}

/** Lots viewers may see: every status but draft (a draft is the seller's business). */
export const VISIBLE_LOT_STATUSES = ["scheduled", "live", "sold", "unsold", "cancelled"]

/** 404 unless the lot exists and viewers may see it. */
export async function assertVisibleLot(scope: MedusaContainer, id: string): Promise<void> {
  await queryOne(scope, { entity: "auction", fields: ["id"], filters: { id, status: VISIBLE_LOT_STATUSES } }, "Auction")
}
