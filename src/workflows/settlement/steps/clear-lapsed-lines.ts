import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { clearLapsedLines } from "../../../lib/settlement/settle"

export const clearLapsedLinesStepId = "live-clear-lapsed-lines"

/**
 * This step takes lapsed and cancelled offers' lines out of their buyers' carts (after a re-run,
 * the unpaid winner's). Each line cleared is recorded; one left over is retried by settlement.
 */
export const clearLapsedLinesStep = createStep(clearLapsedLinesStepId, async (_: void, { container }) => {
  await clearLapsedLines(container)
  return new StepResponse(null)
})
