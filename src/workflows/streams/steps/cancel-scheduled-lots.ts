import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type AuctionsModuleService from "../../../modules/auctions/service"

export const cancelScheduledLotsStepId = "live-cancel-scheduled-lots"

/**
 * This step cancels the lots a show still had lined up when it ends or is cancelled, so none of
 * them starts later in a show that is over (pre-bids on them lapse with the lot).
 * Drafts stay drafts: staff may move them to another show.
 * It is the workflow's last write, so it has nothing to compensate.
 */
export const cancelScheduledLotsStep = createStep(
  cancelScheduledLotsStepId,
  async ({ show_id }: { show_id: string }, { container }) => {
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    // One transaction for all of them: a show never ends with half its lineup still scheduled.
    const cancelled = await auctions.cancelShowLots(show_id)
    return new StepResponse(cancelled.map((lot) => lot.id))
  }
)
