import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { armLot } from "../../../lib/auction-clock"
import { relayInBackground } from "../../../lib/auction-relay"
import { transitionAuctionWorkflow } from "../../../workflows"
import type { AuctionTransition } from "../../../workflows/auctions/steps/transition-auction"
import { clearLapsedLines } from "../../../lib/settlement/settle"
import { retrieveAdminAuction } from "./helpers"

/** POST /admin/auctions/:id/{start,cancel,rerun}: one handler, three transitions. */
export function transitionRoute(transition: AuctionTransition) {
  return async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
    await transitionAuctionWorkflow(req.scope).run({ input: { id: req.params.id, transition } })
    if (transition === "start") {
      // Arm the close here too: a 10-second lot should not wait for the clock to notice it.
      await armLot(req.scope, req.params.id)
    }
    if (transition === "rerun") {
      // A sold-but-unpaid lot: its cancelled offer's line leaves the buyer's cart.
      await clearLapsedLines(req.scope)
    }
    relayInBackground(req.scope)
    res.json({ auction: await retrieveAdminAuction(req.scope, req.params.id) })
  }
}
