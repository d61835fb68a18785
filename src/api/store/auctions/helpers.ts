import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type { PublicLot } from "../../../modules/auctions/lib/lot-row"
import type AuctionsModuleService from "../../../modules/auctions/service"

export function auctionsService(scope: MedusaContainer): AuctionsModuleService {
  return scope.resolve(AUCTIONS_MODULE)
}

/** A lot viewers may see (drafts are the seller's business): its public state, or a 404. */
export async function retrieveVisibleLot(scope: MedusaContainer, id: string): Promise<PublicLot> {
  const { lots } = await auctionsService(scope).listPublicLots({ ids: [id] }, { skip: 0, take: 1 })
  const lot = lots[0]
  if (!lot || lot.status === "draft") {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Auction ${id} not found`)
  }
  return lot
}
