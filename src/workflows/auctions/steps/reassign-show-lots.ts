import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type AuctionsModuleService from "../../../modules/auctions/service"

export type ReassignShowLotsStepInput = { show_id: string; seller_id?: string | null }

export const reassignShowLotsStepId = "live-reassign-show-lots-step"

/**
 * This step gives a show's lots and their offers to the show's new seller, so they stay in the
 * console of whoever runs the show. Compensation gives each back to its previous seller.
 */
export const reassignShowLotsStep = createStep(
  reassignShowLotsStepId,
  async ({ show_id, seller_id }: ReassignShowLotsStepInput, { container }) => {
    if (!seller_id) {
      return new StepResponse(void 0)
    }
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    const lots = await auctions.listAuctions({ show_id }, { select: ["id", "seller_id"] })
    const offers = await auctions.listLotOffers({ show_id }, { select: ["id", "seller_id"] })
    if (lots.length) {
      await auctions.updateAuctions(lots.map((l) => ({ id: l.id, seller_id })))
    }
    if (offers.length) {
      await auctions.updateLotOffers(offers.map((o) => ({ id: o.id, seller_id })))
    }
    return new StepResponse(void 0, {
      lots: lots.map((l) => ({ id: l.id, seller_id: l.seller_id ?? null })),
      offers: offers.map((o) => ({ id: o.id, seller_id: o.seller_id ?? null })),
    })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    if (previous.lots.length) {
      await auctions.updateAuctions(previous.lots)
    }
    if (previous.offers.length) {
      await auctions.updateLotOffers(previous.offers)
    }
  }
)
