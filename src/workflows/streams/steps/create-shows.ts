import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STREAMS_MODULE } from "../../../modules/streams"
import type StreamsModuleService from "../../../modules/streams/service"

export type CreateShowsStepInput = Record<string, unknown>[]

export const createShowsStepId = "live-create-shows"

/** This step creates shows; compensation deletes them. */
export const createShowsStep = createStep(
  createShowsStepId,
  async (input: CreateShowsStepInput, { container }) => {
    const streams: StreamsModuleService = container.resolve(STREAMS_MODULE)
    const created = await streams.createShows(input as never[])
    return new StepResponse(created, created.map((s) => s.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const streams: StreamsModuleService = container.resolve(STREAMS_MODULE)
    await streams.deleteShows(ids)
  }
)
