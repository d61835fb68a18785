import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setBidderBlockWorkflow } from "../../../../workflows"

/** Lifts a customer's bidding block. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await setBidderBlockWorkflow(req.scope).run({ input: { customer_id: req.params.customer_id, blocked: false } })
  res.json({ customer_id: req.params.customer_id, object: "bidder_block", deleted: true })
}
