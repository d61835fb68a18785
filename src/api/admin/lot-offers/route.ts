import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type AuctionsModuleService from "../../../modules/auctions/service"
import type { AdminGetLotOffersType } from "../auctions/validators"

/**
 * Settlement for staff: offers to pay for sold lots (winners' and runner-ups'), newest first,
 * filtered by lot, customer, show or status. A lot's own state is `settlement_status` on it.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetLotOffersType>, res: MedusaResponse) => {
  const { limit, offset, ...filters } = req.validatedQuery as AdminGetLotOffersType
  const auctions: AuctionsModuleService = req.scope.resolve(AUCTIONS_MODULE)
  const [offers, count] = await auctions.listAndCountLotOffers(filters, {
    order: { created_at: "DESC" },
    skip: offset,
    take: limit,
  })
  res.json({ lot_offers: offers.map((o) => ({ ...o, amount: Number(o.amount) })), count, offset, limit })
}
