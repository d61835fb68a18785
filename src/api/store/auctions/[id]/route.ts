import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { auctionsService } from "../helpers"

/** One lot: state, seq, server time, end, minimum next bid, leader's handle; your own max if you lead. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const auctions = auctionsService(req.scope)
  const { lots } = await auctions.listPublicLots({ ids: [req.params.id] }, { skip: 0, take: 1 })
  const lot = lots[0]
  if (!lot || lot.status === "draft") {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Auction ${req.params.id} not found`)
  }
  const customerId = req.auth_context?.actor_id
  const ownMax = customerId ? await auctions.getOwnMax(lot.id, customerId) : null
  res.json({
    auction: { ...lot, your_max: ownMax, you_lead: ownMax !== null },
    server_time: new Date().toISOString(),
  })
}
