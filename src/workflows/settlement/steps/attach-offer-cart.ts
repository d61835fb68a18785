import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { offerEventData } from "../../../lib/settlement/settle"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type AuctionsModuleService from "../../../modules/auctions/service"

export const attachOfferCartStepId = "live-attach-offer-cart"

/**
 * This step records the cart an offer's lot is in (only on a pending offer without one) and returns
 * the offer for `live_auction.payment_due`; compensation detaches it again.
 */
export const attachOfferCartStep = createStep(
  attachOfferCartStepId,
  async (input: { offer_id: string; cart_id: string }, { container }) => {
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    const offer = await auctions.attachOfferCart(input.offer_id, input.cart_id)
    return new StepResponse(offerEventData(offer), input)
  },
  async (attached, { container }) => {
    if (!attached) {
      return
    }
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    await auctions.detachOfferCart(attached.offer_id, attached.cart_id)
  }
)
