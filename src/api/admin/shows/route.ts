import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createShowsWorkflow } from "../../../workflows"
import { retrieveAdminShow, streamsService } from "./helpers"
import type { AdminCreateShowType, AdminGetShowsType } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetShowsType>, res: MedusaResponse) => {
  const { status, seller_id, limit, offset } = req.validatedQuery as AdminGetShowsType
  const filters: Record<string, unknown> = {}
  if (status) {
    filters.status = status
  }
  if (seller_id) {
    filters.seller_id = seller_id
  }
  const [shows, count] = await streamsService(req.scope).listAndCountShows(filters, {
    skip: offset,
    take: limit,
    order: { created_at: "DESC" },
  })
  res.json({ shows, count, offset, limit })
}

/** Schedules a show; the admin creating it runs it unless another seller is named. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateShowType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await createShowsWorkflow(req.scope).run({
    input: [{ ...body, seller_id: body.seller_id ?? req.auth_context.actor_id }],
  })
  res.status(200).json({ show: await retrieveAdminShow(req.scope, result[0].id) })
}
