import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { transitionAuctionWorkflow } from "../../../workflows"
import type { AuctionTransition } from "../../../workflows/auctions/steps/transition-auction"
import type { MedusaContainer } from "@medusajs/framework/types"
import { liveActor } from "../../utils/live-actor"
import { retrieveAdminAuction } from "./helpers"

/** POST /admin/auctions/:id/{start,cancel,rerun}: one handler, three transitions. */
export function transitionRoute(transition: AuctionTransition) {
  return async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
    await runLotTransition(req.scope, req.params.id, transition)
    res.json({ auction: await retrieveAdminAuction(req.scope, await liveActor(req), req.params.id) })
  }
}

/** Starts, cancels or re-runs a lot (the workflow also arms its close and relays its events). */
export async function runLotTransition(scope: MedusaContainer, id: string, transition: AuctionTransition) {
  await transitionAuctionWorkflow(scope).run({ input: { id, transition } })
}
