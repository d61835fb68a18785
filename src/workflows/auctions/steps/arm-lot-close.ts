import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { armLot } from "../../../lib/auction-clock"

export const armLotCloseStepId = "live-arm-lot-close"

/**
 * This step arms a started lot's close timer in this process, so a 10-second lot closes on time
 * without waiting for the clock's next pass (which arms it anyway, in whichever process runs it).
 */
export const armLotCloseStep = createStep(armLotCloseStepId, async ({ id }: { id: string }, { container }) => {
  await armLot(container, id)
  return new StepResponse(null)
})
