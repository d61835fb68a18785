import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { StoreGetLotOffersType } from "../../../auctions/validators"

/** The lots the customer won (or was offered as runner-up): what to pay, where, and by when. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetLotOffersType>, res: MedusaResponse) => {
  const { limit, offset, status } = req.validatedQuery as StoreGetLotOffersType
  const { data, metadata } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "lot_offer",
    fields: req.queryConfig.fields,
    filters: { customer_id: req.auth_context.actor_id, ...(status ? { status } : {}) },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  const offers = data.map((o: Record<string, any>) => ("amount" in o ? { ...o, amount: Number(o.amount) } : o))
  res.json({ lot_offers: offers, count: metadata?.count ?? offers.length, offset, limit })
}
