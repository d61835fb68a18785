import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type AuctionsModuleService from "../../../modules/auctions/service"

export type ClaimCartChargeStepInput = { cart_id: string }

export const claimCartChargeStepId = "live-claim-cart-charge-step"

/**
 * This step claims a cart's offers for one off-session charge attempt: only the caller that flips
 * them from "never charged" gets them (none: another process has it), and each claim counts an
 * attempt. Compensation gives the claim back, so the next settlement pass tries once more,
 * unless an outcome was recorded meanwhile (a refusal is final: never charged twice).
 */
export const claimCartChargeStep = createStep(
  claimCartChargeStepId,
  async ({ cart_id }: ClaimCartChargeStepInput, { container }) => {
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    const offers = await auctions.claimCartCharge(cart_id)
    const claim = { offer_ids: offers.map((o) => o.id), customer_id: offers[0]?.customer_id ?? null }
    return new StepResponse(claim, claim.offer_ids)
  },
  async (offerIds, { container }) => {
    if (!offerIds?.length) {
      return
    }
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    await auctions.releaseCartCharge(offerIds)
  }
)
