import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type AuctionsModuleService from "../../../modules/auctions/service"

export type UpdateAuctionStepInput = { id: string; update: Record<string, unknown> }

export const updateAuctionStepId = "live-update-auction"

/** This step edits a lot that has not started; compensation restores the previous values. */
export const updateAuctionStep = createStep(
  updateAuctionStepId,
  async ({ id, update }: UpdateAuctionStepInput, { container }) => {
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    const before = await auctions.retrieveAuction(id)
    if (before.status !== "draft" && before.status !== "scheduled") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `A ${before.status} lot cannot be edited; cancel or re-run it instead.`,
        "invalid_transition"
      )
    }
    const updated = await auctions.updateAuctions({ id, ...update })
    const previous = Object.fromEntries(Object.keys(update).map((k) => [k, (before as Record<string, unknown>)[k]]))
    return new StepResponse(updated, { id, previous })
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    await auctions.updateAuctions({ id: compensation.id, ...compensation.previous })
  }
)
