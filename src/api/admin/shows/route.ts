import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createShowsWorkflow } from "../../../workflows"
import { liveActor, sellerFilter, sellerOfNewRecord } from "../../utils/live-actor"
import { queryList } from "../../utils/query-graph"
import { retrieveAdminShow } from "./helpers"
import { showOrder, type AdminCreateShowType, type AdminGetShowsType } from "./validators"

/** Shows, newest first, by status and (staff) seller; a seller sees only theirs (`?fields=`: see query-config.ts). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetShowsType>, res: MedusaResponse) => {
  const { status, seller_id, order, limit, offset } = req.validatedQuery as AdminGetShowsType
  const { rows, count } = await queryList(req.scope, {
    entity: "show",
    fields: req.queryConfig.fields,
    filters: { ...(status ? { status } : {}), ...sellerFilter(await liveActor(req), seller_id) },
    pagination: { skip: offset, take: limit, order: showOrder(order, { created_at: "DESC" }) },
  })
  res.json({ shows: rows, count, offset, limit })
}

/** Schedules a show: a seller's is theirs; staff run it themselves unless they name another admin user. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateShowType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const sellerId = sellerOfNewRecord(await liveActor(req), body.seller_id) ?? req.auth_context.actor_id
  const { result } = await createShowsWorkflow(req.scope).run({ input: [{ ...body, seller_id: sellerId }] })
  res.status(200).json({ show: await retrieveAdminShow(req.scope, result[0].id) })
}
