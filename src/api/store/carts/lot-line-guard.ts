import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isLotLine, lotLineLocked } from "../../../lib/settlement/lot-lines"
import { EntityId } from "../../utils/validators"

/**
 * DELETE /store/carts/:id/line-items/:line_id has no workflow hook: a won lot cannot be
 * dropped from its cart (the buyer committed to it; an unpaid lot lapses at its deadline).
 */
export async function refuseLotLineRemoval(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (!EntityId.safeParse(req.params.id).success || !EntityId.safeParse(req.params.line_id).success) {
    return next() // not ids of anything: Medusa's own route answers
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["items.id", "items.metadata"],
    filters: { id: req.params.id },
  })
  const line = (data[0]?.items ?? []).find((i: { id: string } | null) => i?.id === req.params.line_id)
  if (line && isLotLine(line)) {
    return next(lotLineLocked("A won lot cannot be removed from its cart."))
  }
  next()
}
