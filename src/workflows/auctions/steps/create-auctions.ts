import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type AuctionsModuleService from "../../../modules/auctions/service"

export type CreateAuctionsStepInput = Record<string, unknown>[]

export const createAuctionsStepId = "live-create-auctions"

/** This step creates lots; compensation deletes them. */
export const createAuctionsStep = createStep(
  createAuctionsStepId,
  async (input: CreateAuctionsStepInput, { container }) => {
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    const created = await auctions.createAuctions(input as never[])
    return new StepResponse(created, created.map((a) => a.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    await auctions.deleteAuctions(ids)
  }
)
