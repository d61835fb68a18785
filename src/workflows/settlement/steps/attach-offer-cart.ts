import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type AuctionsModuleService from "../../../modules/auctions/service"

/** Records the cart an offer's lot is in (undone if a later step fails). */
export const attachOfferCartStepId = "live-attach-offer-cart"
export const attachOfferCartStep = createStep(
  attachOfferCartStepId,
  async (input: { offer_id: string; cart_id: string }, { container }) => {
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    await auctions.updateLotOffers({ id: input.offer_id, cart_id: input.cart_id, cart_error: null })
    return new StepResponse(input, input.offer_id)
  },
  async (offerId, { container }) => {
    if (!offerId) {
      return
    }
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    await auctions.updateLotOffers({ id: offerId, cart_id: null })
  }
)
