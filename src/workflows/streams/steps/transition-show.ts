import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STREAMS_MODULE } from "../../../modules/streams"
import type { ShowTransition } from "../../../modules/streams/lib/transitions"
import type StreamsModuleService from "../../../modules/streams/service"
import { ShowErrorCodes } from "../../../realtime/contract/errors"

export type TransitionShowStepInput = { id: string; transition: ShowTransition }

export const transitionShowStepId = "live-transition-show"

/**
 * This step goes live, ends or cancels a show. A show with a lot still taking bids does not end:
 * its viewers would lose the room while bids still count.
 * It is the workflow's last write, so it has nothing to compensate.
 */
export const transitionShowStep = createStep(
  transitionShowStepId,
  async ({ id, transition }: TransitionShowStepInput, { container }) => {
    if (transition === "end" || transition === "cancel") {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: live } = await query.graph({
        entity: "auction",
        fields: ["id"],
        filters: { show_id: id, status: ["live"] },
        pagination: { take: 1 },
      })
      if (live.length) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Show ${id} has a lot taking bids (${live[0].id}); close or cancel it first`,
          ShowErrorCodes.show_has_live_lots
        )
      }
    }
    const streams: StreamsModuleService = container.resolve(STREAMS_MODULE)
    const result = await streams.transitionShow(id, transition)
    if (!result.ok) {
      const type = result.code === "not_found" ? MedusaError.Types.NOT_FOUND : MedusaError.Types.NOT_ALLOWED
      throw new MedusaError(type, result.message, result.code)
    }
    return new StepResponse(result)
  }
)
