import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setBidderBlockWorkflow } from "../../../workflows"
import type { AdminBlockBidderType } from "../auctions/validators"

/** Blocks a customer from bidding on every lot (until `expires_at`, if given). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminBlockBidderType>, res: MedusaResponse) => {
  const { result } = await setBidderBlockWorkflow(req.scope).run({ input: { ...req.validatedBody, blocked: true } })
  res.json({ bidder_block: result })
}
