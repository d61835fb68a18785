import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createSellerWorkflow } from "../../../workflows"
import { queryList } from "../../utils/query-graph"
import { retrieveAdminSeller } from "./helpers"
import type { AdminCreateSellerType, AdminGetSellersType } from "./validators"

/** Seller profiles (staff), newest first; `?q=` searches display names and handles. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetSellersType>, res: MedusaResponse) => {
  const { q, limit, offset } = req.validatedQuery as AdminGetSellersType
  const { rows, count } = await queryList(req.scope, {
    entity: "seller",
    fields: req.queryConfig.fields,
    filters: q ? { q } : {},
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  res.json({ sellers: rows, count, offset, limit })
}

/** Makes an admin user a seller (staff). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateSellerType>, res: MedusaResponse) => {
  const { result } = await createSellerWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ seller: await retrieveAdminSeller(req.scope, result.id) })
}
