import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type AuctionsModuleService from "../../../modules/auctions/service"
import { createAuctionsWorkflow } from "../../../workflows"
import { retrieveAdminAuction } from "./helpers"
import type { AdminCreateAuctionType, AdminGetAuctionsType } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetAuctionsType>, res: MedusaResponse) => {
  const { show_id, status, limit, offset } = req.validatedQuery as AdminGetAuctionsType
  const auctions: AuctionsModuleService = req.scope.resolve(AUCTIONS_MODULE)
  const filters: Record<string, unknown> = {}
  if (show_id) {
    filters.show_id = show_id
  }
  if (status) {
    filters.status = status
  }
  const [lots, count] = await auctions.listAndCountAuctions(filters, {
    skip: offset,
    take: limit,
    order: { created_at: "DESC" },
  })
  res.json({ auctions: lots, count, offset, limit })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateAuctionType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await createAuctionsWorkflow(req.scope).run({
    input: [{ ...body, status: body.scheduled_at ? "scheduled" : "draft" }],
  })
  res.status(200).json({ auction: await retrieveAdminAuction(req.scope, result[0].id) })
}
