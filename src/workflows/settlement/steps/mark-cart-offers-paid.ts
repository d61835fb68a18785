import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { offerEventData } from "../../../lib/settlement/settle"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type AuctionsModuleService from "../../../modules/auctions/service"

export type MarkCartOffersPaidStepInput = { offer_ids: string[]; order_id: string }

export const markCartOffersPaidStepId = "live-mark-cart-offers-paid-step"

/**
 * This step records a charged cart's outcome: its offers succeeded and are paid by the order
 * (each once; `order.placed` may get there first, harmlessly). It returns the offers it marked,
 * for their `live_auction.paid` events. The workflow's last write: nothing after it to undo it for.
 */
export const markCartOffersPaidStep = createStep(
  markCartOffersPaidStepId,
  async ({ offer_ids, order_id }: MarkCartOffersPaidStepInput, { container }) => {
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    await auctions.recordCartCharge(offer_ids, { status: "succeeded" })
    const paid = []
    for (const id of offer_ids) {
      const result = await auctions.markOfferPaid(id, order_id)
      if (result.ok && !result.duplicate) {
        paid.push(offerEventData(result.offer))
      }
    }
    return new StepResponse(paid)
  }
)
