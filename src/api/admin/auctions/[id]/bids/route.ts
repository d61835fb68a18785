import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AUCTIONS_MODULE } from "../../../../../modules/auctions"
import type AuctionsModuleService from "../../../../../modules/auctions/service"
import { retrieveAdminAuction } from "../../helpers"
import type { AdminGetBidsType } from "../../validators"

/** Full bid history for staff: customers, maxes, every run. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetBidsType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as AdminGetBidsType
  await retrieveAdminAuction(req.scope, req.params.id)
  const auctions: AuctionsModuleService = req.scope.resolve(AUCTIONS_MODULE)
  const [bids, count] = await auctions.listAndCountBids(
    { auction_id: req.params.id },
    { order: { seq: "DESC" }, skip: offset, take: limit }
  )
  res.json({ bids, count, offset, limit })
}
