import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type AuctionsModuleService from "../../../modules/auctions/service"
import { AuctionErrorCodes } from "../../../realtime/contract/errors"

export type SetBidderBlockStepInput =
  | { customer_id: string; blocked: true; reason?: string | null; expires_at?: Date | null }
  | { customer_id: string; blocked: false }

export const setBidderBlockStepId = "live-set-bidder-block"

/** This step blocks or unblocks a bidder (404 when there is no block to lift); compensation puts the previous block back. */
export const setBidderBlockStep = createStep(
  setBidderBlockStepId,
  async (input: SetBidderBlockStepInput, { container }) => {
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    const [previous] = await auctions.listBidderBlocks({ customer_id: input.customer_id })
    if (!input.blocked && !previous) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Customer ${input.customer_id} is not blocked from bidding`,
        AuctionErrorCodes.block_not_found
      )
    }
    if (previous) {
      await auctions.deleteBidderBlocks(previous.id)
    }
    const block = input.blocked
      ? await auctions.createBidderBlocks({
          customer_id: input.customer_id,
          reason: input.reason ?? null,
          expires_at: input.expires_at ?? null,
        })
      : null
    return new StepResponse(block, { created: block?.id ?? null, previous: previous ?? null })
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    if (compensation.created) {
      await auctions.deleteBidderBlocks(compensation.created)
    }
    if (compensation.previous) {
      const { customer_id, reason, expires_at } = compensation.previous
      await auctions.createBidderBlocks({ customer_id, reason, expires_at })
    }
  }
)
