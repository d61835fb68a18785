import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateAuctionWorkflow } from "../../../../workflows"
import { retrieveAdminAuction } from "../helpers"
import type { AdminUpdateAuctionType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ auction: await retrieveAdminAuction(req.scope, req.params.id, req.queryConfig.fields) })
}

/** Edits a lot that has not started yet. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateAuctionType>, res: MedusaResponse) => {
  await retrieveAdminAuction(req.scope, req.params.id, ["id"])
  const update: Record<string, unknown> = { ...req.validatedBody }
  if ("scheduled_at" in update) {
    update.status = update.scheduled_at ? "scheduled" : "draft"
  }
  await updateAuctionWorkflow(req.scope).run({ input: { id: req.params.id, update } })
  res.json({ auction: await retrieveAdminAuction(req.scope, req.params.id) })
}
