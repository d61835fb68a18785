import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STREAMS_MODULE } from "../../../modules/streams"
import type StreamsModuleService from "../../../modules/streams/service"

export type EnsureShowRoomStepInput = { id: string }

export const ensureShowRoomStepId = "live-ensure-show-room-step"

/**
 * This step makes the show's LiveKit room as it goes live (nothing without LiveKit). LiveKit not
 * answering fails the step, and the workflow puts the show back as it was. Compensation closes
 * the room and restores the show's room name.
 */
export const ensureShowRoomStep = createStep(
  ensureShowRoomStepId,
  async ({ id }: EnsureShowRoomStepInput, { container }) => {
    const streams: StreamsModuleService = container.resolve(STREAMS_MODULE)
    const made = await streams.ensureRoom(id)
    return new StepResponse(made?.room ?? null, made ? { id, ...made } : null)
  },
  async (made, { container }) => {
    if (!made) {
      return
    }
    await container.resolve<StreamsModuleService>(STREAMS_MODULE).undoRoom(made.id, made.room, made.previous)
  }
)
