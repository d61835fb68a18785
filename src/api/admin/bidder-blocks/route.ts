import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setBidderBlockWorkflow } from "../../../workflows"
import { queryList } from "../../utils/query-graph"
import type { AdminBlockBidderType, AdminGetBidderBlocksType } from "../auctions/validators"

/** Bidding blocks, newest first, or one customer's (`?customer_id=`). Blocks are platform-wide: every admin reads them. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetBidderBlocksType>, res: MedusaResponse) => {
  const { customer_id, limit, offset } = req.validatedQuery as AdminGetBidderBlocksType
  const { rows, count } = await queryList(req.scope, {
    entity: "bidder_block",
    fields: req.queryConfig.fields,
    filters: customer_id ? { customer_id } : {},
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  res.json({ bidder_blocks: rows, count, offset, limit })
}

/** Blocks a customer from bidding on every lot (until `expires_at`, if given). Staff only. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminBlockBidderType>, res: MedusaResponse) => {
  const { result } = await setBidderBlockWorkflow(req.scope).run({ input: { ...req.validatedBody, blocked: true } })
  res.json({ bidder_block: result })
}
