import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { offerEventData } from "../../../lib/settlement/settle"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type AuctionsModuleService from "../../../modules/auctions/service"

export const expireOfferStepId = "live-expire-offer-step"

/**
 * This step lapses an overdue offer: the buyer forfeits the lot and is blocked from bidding, and
 * the next runner-up gets an offer (one transaction, conditional on the offer being pending and
 * overdue; null when it no longer was). Compensation puts all of it back, so a later failure
 * leaves the offer for the next pass to lapse again, as if nothing had happened.
 */
export const expireOfferStep = createStep(
  expireOfferStepId,
  async ({ offer_id }: { offer_id: string }, { container }) => {
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    const result = await auctions.expireOffer(offer_id)
    const events = result
      ? { forfeited: [offerEventData(result.expired)], runner_up: result.next ? [offerEventData(result.next)] : [] }
      : { forfeited: [], runner_up: [] }
    return new StepResponse(events, result)
  },
  async (result, { container }) => {
    if (!result) {
      return
    }
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    await auctions.revertExpiry(result)
  }
)
