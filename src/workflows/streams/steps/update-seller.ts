import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STREAMS_MODULE } from "../../../modules/streams"
import type StreamsModuleService from "../../../modules/streams/service"

export type UpdateSellerStepInput = { id: string; update: Record<string, unknown> }

export const updateSellerStepId = "live-update-seller-step"

/** This step edits a seller's profile; compensation restores the fields it changed. */
export const updateSellerStep = createStep(
  updateSellerStepId,
  async ({ id, update }: UpdateSellerStepInput, { container }) => {
    const streams: StreamsModuleService = container.resolve(STREAMS_MODULE)
    const before = await streams.retrieveSeller(id)
    const previous = Object.fromEntries(Object.keys(update).map((k) => [k, (before as Record<string, unknown>)[k]]))
    const updated = await streams.updateSellers({ id, ...update })
    return new StepResponse(updated, { id, previous })
  },
  async (undo, { container }) => {
    if (undo) {
      await (container.resolve(STREAMS_MODULE) as StreamsModuleService).updateSellers({ id: undo.id, ...undo.previous })
    }
  }
)
