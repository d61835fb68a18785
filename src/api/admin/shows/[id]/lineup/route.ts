import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createAuctionsWorkflow } from "../../../../../workflows"
import { liveActor } from "../../../../utils/live-actor"
import { retrieveAdminShow } from "../../helpers"
import { listLineup, variantTitles } from "../../lineup"
import type { AdminAddToLineupType } from "../../validators"

/** The show's lots in running order. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieveAdminShow(req.scope, req.params.id, ["id"])
  res.json({ lots: await listLineup(req.scope, await liveActor(req), req.params.id, req.queryConfig.fields) })
}

/** Appends draft lots (catalog variants) to the end of the show's lineup; answers the whole lineup. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminAddToLineupType>, res: MedusaResponse) => {
  const actor = await liveActor(req)
  const show = await retrieveAdminShow(req.scope, req.params.id, ["id", "seller_id"])
  const titles = await variantTitles(req.scope, req.validatedBody.lots.map((l) => l.product_variant_id))
  const input = req.validatedBody.lots.map((lot) => ({
    ...lot,
    title: lot.title ?? titles.get(lot.product_variant_id) ?? lot.product_variant_id,
    show_id: show.id,
    seller_id: show.seller_id,
    status: "draft",
  }))
  await createAuctionsWorkflow(req.scope).run({ input })
  res.json({ lots: await listLineup(req.scope, actor, req.params.id) })
}
