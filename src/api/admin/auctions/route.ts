import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createAuctionsWorkflow } from "../../../workflows"
import { queryList } from "../../utils/query-graph"
import { retrieveAdminAuction } from "./helpers"
import { ADMIN_AUCTION_MONEY } from "./query-config"
import type { AdminCreateAuctionType, AdminGetAuctionsType } from "./validators"

/** Lots for staff, newest first, by show and status (`?fields=` as on Medusa's routes; see query-config.ts). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetAuctionsType>, res: MedusaResponse) => {
  const { show_id, status, limit, offset } = req.validatedQuery as AdminGetAuctionsType
  const { rows, count } = await queryList(req.scope, {
    entity: "auction",
    fields: req.queryConfig.fields,
    filters: { ...(show_id ? { show_id } : {}), ...(status ? { status } : {}) },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
    money: ADMIN_AUCTION_MONEY,
  })
  res.json({ auctions: rows, count, offset, limit })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateAuctionType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await createAuctionsWorkflow(req.scope).run({
    input: [{ ...body, status: body.scheduled_at ? "scheduled" : "draft" }],
  })
  res.status(200).json({ auction: await retrieveAdminAuction(req.scope, result[0].id) })
}
