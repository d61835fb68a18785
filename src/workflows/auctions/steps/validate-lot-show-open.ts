import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { assertShowsOpen } from "./validate-lot-shows"

export const validateLotShowOpenStepId = "live-validate-lot-show-open"

/** This step refuses to start, re-run or schedule a lot in a show that is over. */
export const validateLotShowOpenStep = createStep(
  validateLotShowOpenStepId,
  async ({ show_id }: { show_id: string | null }, { container }) => {
    await assertShowsOpen(container, show_id ? [show_id] : [])
    return new StepResponse(void 0)
  }
)
