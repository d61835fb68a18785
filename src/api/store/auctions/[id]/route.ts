import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { VISIBLE_LOT_STATUSES } from "../helpers"
import { queryStoreLots } from "../public-lots"

/** One lot: state, seq, server time, end, minimum next bid, leader's handle; your own max if you lead. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { lots } = await queryStoreLots(req.scope, {
    fields: req.queryConfig.fields,
    filters: { id: req.params.id, status: VISIBLE_LOT_STATUSES },
    customerId: req.auth_context?.actor_id,
  })
  if (!lots[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Auction ${req.params.id} not found`)
  }
  res.json({ auction: lots[0], server_time: new Date().toISOString() })
}
