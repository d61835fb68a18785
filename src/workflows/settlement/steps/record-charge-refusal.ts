import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ChargeRefusal } from "../../../lib/settlement/charge-outcome"
import { recordChargeRefusal } from "../../../lib/settlement/charge-records"

export type RecordChargeRefusalStepInput = { offer_ids: string[]; refusal: ChargeRefusal }

export const recordChargeRefusalStepId = "live-record-charge-refusal-step"

/** This step records why a cart could not be charged off-session (final: the buyer pays at checkout). */
export const recordChargeRefusalStep = createStep(
  recordChargeRefusalStepId,
  async ({ offer_ids, refusal }: RecordChargeRefusalStepInput, { container }) => {
    await recordChargeRefusal(container, offer_ids, refusal)
    return new StepResponse(refusal)
  }
)
