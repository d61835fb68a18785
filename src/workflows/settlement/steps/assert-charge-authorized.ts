import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { chargeRefused, sessionRefusal } from "../../../lib/settlement/charge-outcome"
import { recordChargeRefusal } from "../../../lib/settlement/charge-records"

export type AssertChargeAuthorizedStepInput = {
  session: { status?: string; data?: Record<string, any> | null }
  offer_ids: string[]
}

export const assertChargeAuthorizedStepId = "live-assert-charge-authorized-step"

/**
 * This step reads the bank's answer to the off-session confirmation. Authorized: go on to the
 * order. Refused (declined, or the bank wants the buyer): the refusal is recorded first, as final,
 * then the step fails, so compensation deletes the payment session (cancelling the payment
 * intent) and undoes the cart's address and shipping: the buyer checks out as they left it.
 */
export const assertChargeAuthorizedStep = createStep(
  assertChargeAuthorizedStepId,
  async ({ session, offer_ids }: AssertChargeAuthorizedStepInput, { container }) => {
    const refusal = sessionRefusal(session)
    if (refusal) {
      await recordChargeRefusal(container, offer_ids, refusal)
      throw chargeRefused(refusal)
    }
    return new StepResponse(null)
  }
)
