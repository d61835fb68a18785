import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createShowsWorkflow } from "../../../workflows"
import { queryList } from "../../utils/query-graph"
import { retrieveAdminShow } from "./helpers"
import type { AdminCreateShowType, AdminGetShowsType } from "./validators"

/** Shows for staff, newest first, by status and seller (`?fields=` as on Medusa's routes; see query-config.ts). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetShowsType>, res: MedusaResponse) => {
  const { status, seller_id, limit, offset } = req.validatedQuery as AdminGetShowsType
  const { rows, count } = await queryList(req.scope, {
    entity: "show",
    fields: req.queryConfig.fields,
    filters: { ...(status ? { status } : {}), ...(seller_id ? { seller_id } : {}) },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  res.json({ shows: rows, count, offset, limit })
}

/** Schedules a show; the admin creating it runs it unless another seller is named. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateShowType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await createShowsWorkflow(req.scope).run({
    input: [{ ...body, seller_id: body.seller_id ?? req.auth_context.actor_id }],
  })
  res.status(200).json({ show: await retrieveAdminShow(req.scope, result[0].id) })
}
