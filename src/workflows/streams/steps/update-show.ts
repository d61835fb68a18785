import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STREAMS_MODULE } from "../../../modules/streams"
import type StreamsModuleService from "../../../modules/streams/service"
import { ShowErrorCodes } from "../../../realtime/contract/errors"

export type UpdateShowStepInput = { id: string; update: Record<string, unknown> }

export const updateShowStepId = "live-update-show"

/**
 * This step edits a show that has not ended; compensation restores the fields it changed. Returns
 * the show and the values it replaced (`previous`, whose media a later step may delete).
 */
export const updateShowStep = createStep(
  updateShowStepId,
  async ({ id, update }: UpdateShowStepInput, { container }) => {
    const streams: StreamsModuleService = container.resolve(STREAMS_MODULE)
    const [before] = await streams.listShows({ id })
    if (!before) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Show ${id} not found`)
    }
    if (before.status === "ended" || before.status === "cancelled") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Show ${id} is ${before.status}`, ShowErrorCodes.show_closed)
    }
    const previous = Object.fromEntries(Object.keys(update).map((k) => [k, (before as Record<string, unknown>)[k]]))
    const updated = await streams.updateShows({ id, ...update })
    return new StepResponse({ show: updated, previous }, { id, previous })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const streams: StreamsModuleService = container.resolve(STREAMS_MODULE)
    await streams.updateShows({ id: undo.id, ...undo.previous })
  }
)
