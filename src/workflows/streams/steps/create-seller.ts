import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STREAMS_MODULE } from "../../../modules/streams"
import type StreamsModuleService from "../../../modules/streams/service"

export type CreateSellerStepInput = {
  user_id: string
  handle: string
  display_name: string
  avatar_url?: string | null
  bio?: string | null
  metadata?: Record<string, unknown> | null
}

export const createSellerStepId = "live-create-seller-step"

/** This step makes an admin user a seller (their profile); compensation deletes it. */
export const createSellerStep = createStep(
  createSellerStepId,
  async (input: CreateSellerStepInput, { container }) => {
    const streams: StreamsModuleService = container.resolve(STREAMS_MODULE)
    const seller = await streams.createSellers(input)
    return new StepResponse(seller, seller.id)
  },
  async (id, { container }) => {
    if (id) {
      await (container.resolve(STREAMS_MODULE) as StreamsModuleService).deleteSellers(id)
    }
  }
)
