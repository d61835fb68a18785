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
 * its viewers would lose the room while bids still count. Compensation puts the show back as it was.
 */
export const transitionShowStep = createStep(
  transitionShowStepId,
  async ({ id, transition }: TransitionShowStepInput, { container }) => {
    const streams: StreamsModuleService = container.resolve(STREAMS_MODULE)
    const [before] = await streams.listShows({ id }, { select: ["id", "status", "started_at", "ended_at"] })
    if (before && (transition === "end" || transition === "cancel")) {
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
    const result = await streams.transitionShow(id, transition)
    if (!result.ok) {
      const type = result.code === "not_found" ? MedusaError.Types.NOT_FOUND : MedusaError.Types.NOT_ALLOWED
      throw new MedusaError(type, result.message, result.code)
    }
    return new StepResponse(result, before)
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    const streams: StreamsModuleService = container.resolve(STREAMS_MODULE)
    await streams.updateShows({ id: before.id, status: before.status, started_at: before.started_at, ended_at: before.ended_at })
  }
)
