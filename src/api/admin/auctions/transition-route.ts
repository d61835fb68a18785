import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { armLot } from "../../../lib/auction-clock"
import { relayInBackground } from "../../../lib/auction-relay"
import { transitionAuctionWorkflow } from "../../../workflows"
import type { AuctionTransition } from "../../../workflows/auctions/steps/transition-auction"
import { clearLapsedLines } from "../../../lib/settlement/settle"
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

/** Starts, cancels or re-runs a lot through its workflow, then what the clock and the relay need to hear. */
export async function runLotTransition(scope: MedusaContainer, id: string, transition: AuctionTransition) {
  await transitionAuctionWorkflow(scope).run({ input: { id, transition } })
  if (transition === "start") {
    // Arm the close here too: a 10-second lot should not wait for the clock to notice it.
    await armLot(scope, id)
  }
  if (transition === "rerun") {
    // A sold-but-unpaid lot: its cancelled offer's line leaves the buyer's cart.
    await clearLapsedLines(scope)
  }
  relayInBackground(scope)
}
