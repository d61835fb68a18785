import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type { PublicLot } from "../../../modules/auctions/lib/lot-row"
import type AuctionsModuleService from "../../../modules/auctions/service"

export type AuctionTransition = "start" | "cancel" | "rerun"
export type TransitionAuctionStepInput = { id: string; transition: AuctionTransition }

export const transitionAuctionStepId = "live-transition-auction"

/**
 * This step moves a lot through its lifecycle in one transaction with its outbox event.
 * It is the workflow's last write, so it has nothing to compensate.
 */
export const transitionAuctionStep = createStep(
  transitionAuctionStepId,
  async ({ id, transition }: TransitionAuctionStepInput, { container }) => {
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    const run = {
      start: () => auctions.startAuction(id),
      cancel: () => auctions.cancelAuction(id),
      rerun: () => auctions.rerunAuction(id),
    }[transition]
    const result = await run()
    if (!result.ok) {
      const type = result.code === "not_found" ? MedusaError.Types.NOT_FOUND : MedusaError.Types.NOT_ALLOWED
      throw new MedusaError(type, result.message, result.code)
    }
    return new StepResponse<PublicLot>(result.lot)
  }
)
