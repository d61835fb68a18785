import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { liveActor } from "../../../../utils/live-actor"
import { queryList } from "../../../../utils/query-graph"
import { bidForActor, retrieveAdminAuction } from "../../helpers"
import type { AdminGetBidsType } from "../../validators"

/** A lot's full bid history: customers, maxes (staff only), every run; newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetBidsType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as AdminGetBidsType
  const actor = await liveActor(req)
  await retrieveAdminAuction(req.scope, actor, req.params.id, ["id"])
  const { rows, count } = await queryList(req.scope, {
    entity: "bid",
    fields: req.queryConfig.fields,
    filters: { auction_id: req.params.id },
    pagination: { skip: offset, take: limit, order: { seq: "DESC" } },
    money: ["amount", "price_after"],
  })
  res.json({ bids: rows.map((bid) => bidForActor(actor, bid)), count, offset, limit })
}
