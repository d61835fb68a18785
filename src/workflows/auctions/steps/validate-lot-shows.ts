import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STREAMS_MODULE } from "../../../modules/streams"
import type StreamsModuleService from "../../../modules/streams/service"
import { ShowErrorCodes } from "../../../realtime/contract/errors"

export type ValidateLotShowsStepInput = { show_id?: string | null }[]

export const validateLotShowsStepId = "live-validate-lot-shows"

/**
 * This step refuses (400) lots in a show that does not exist, has ended or was cancelled: lots
 * created or moved there, and lots starting, re-running or being scheduled in it.
 */
export const validateLotShowsStep = createStep(
  validateLotShowsStepId,
  async (lots: ValidateLotShowsStepInput, { container }) => {
    const ids = [...new Set(lots.flatMap((l) => (l.show_id ? [l.show_id] : [])))]
    if (!ids.length) {
      return new StepResponse(void 0)
    }
    const streams: StreamsModuleService = container.resolve(STREAMS_MODULE)
    const shows = await streams.listShows({ id: ids }, { select: ["id", "status"] })
    for (const id of ids) {
      const show = shows.find((s) => s.id === id)
      if (!show) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Show ${id} not found`, ShowErrorCodes.show_not_found)
      }
      if (show.status === "ended" || show.status === "cancelled") {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Show ${id} is ${show.status}`, ShowErrorCodes.show_closed)
      }
    }
    return new StepResponse(void 0)
  }
)
