import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STREAMS_MODULE } from "../../../modules/streams"
import type StreamsModuleService from "../../../modules/streams/service"
import { SellerErrorCodes } from "../../../realtime/contract/errors"

export type ValidateSellerProfileStepInput = {
  /** The profile being edited (absent when one is being made). */
  id?: string
  /** The admin user a new profile is for. */
  user_id?: string
  handle?: string
}

export const validateSellerProfileStepId = "live-validate-seller-profile-step"

/**
 * This step refuses (400) a handle another seller has (`handle_taken`) and a second profile for
 * one admin user (`seller_exists`). The unique indexes stay the last word on a race.
 */
export const validateSellerProfileStep = createStep(
  validateSellerProfileStepId,
  async (input: ValidateSellerProfileStepInput, { container }) => {
    const streams: StreamsModuleService = container.resolve(STREAMS_MODULE)
    if (input.handle) {
      const [holder] = await streams.listSellers({ handle: input.handle }, { select: ["id"] })
      if (holder && holder.id !== input.id) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `The handle ${input.handle} is taken`, SellerErrorCodes.handle_taken)
      }
    }
    if (input.user_id) {
      const [existing] = await streams.listSellers({ user_id: input.user_id }, { select: ["id"] })
      if (existing) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Admin user ${input.user_id} already has a seller profile`,
          SellerErrorCodes.seller_exists
        )
      }
    }
    return new StepResponse(void 0)
  }
)
