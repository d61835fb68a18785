import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { relayInBackground } from "../../../lib/auction-relay"

export const relayLotEventsStepId = "live-relay-lot-events"

/**
 * This step sends the lot events the workflow committed (outbox) to viewers and subscribers now,
 * in the background: the relay loop would send them within a second anyway, and a failure here
 * leaves them for it. Last in a workflow, after every write.
 */
export const relayLotEventsStep = createStep(relayLotEventsStepId, async (_: void, { container }) => {
  relayInBackground(container)
  return new StepResponse(null)
})
