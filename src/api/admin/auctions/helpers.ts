import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type AuctionsModuleService from "../../../modules/auctions/service"

/** The full lot for staff: reserve, leader and max included. */
export async function retrieveAdminAuction(scope: MedusaContainer, id: string) {
  const auctions: AuctionsModuleService = scope.resolve(AUCTIONS_MODULE)
  const [lot] = await auctions.listAuctions({ id })
  if (!lot) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Auction ${id} not found`)
  }
  return lot
}
