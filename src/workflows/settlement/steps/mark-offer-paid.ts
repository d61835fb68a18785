import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { offerEventData } from "../../../lib/settlement/settle"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type AuctionsModuleService from "../../../modules/auctions/service"

export const markOfferPaidStepId = "live-mark-offer-paid-step"

/** This step marks an offer paid by an order (once; the same order again is a no-op) and returns it for `live_auction.paid`. */
export const markOfferPaidStep = createStep(
  markOfferPaidStepId,
  async ({ offer_id, order_id }: { offer_id: string; order_id: string }, { container }) => {
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    const result = await auctions.markOfferPaid(offer_id, order_id)
    return new StepResponse(result.ok && !result.duplicate ? [offerEventData(result.offer)] : [])
  }
)
