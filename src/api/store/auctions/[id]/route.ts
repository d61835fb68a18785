import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { auctionsService, retrieveVisibleLot } from "../helpers"

/** One lot: state, seq, server time, end, minimum next bid, leader's handle; your own max if you lead. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const auctions = auctionsService(req.scope)
  const lot = await retrieveVisibleLot(req.scope, req.params.id)
  const customerId = req.auth_context?.actor_id
  const ownMax = customerId ? await auctions.getOwnMax(lot.id, customerId) : null
  res.json({
    auction: { ...lot, your_max: ownMax, you_lead: ownMax !== null },
    server_time: new Date().toISOString(),
  })
}
