import type { MedusaContainer } from "@medusajs/framework/types"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type AuctionsModuleService from "../../../modules/auctions/service"

export function auctionsService(scope: MedusaContainer): AuctionsModuleService {
  return scope.resolve(AUCTIONS_MODULE)
}
