import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { assertLotLines, cartWithLines, lotLineLocked, lotNotWon, LOT_LINE_KEYS } from "../../../lib/settlement/lot-lines"
import type { LotCartPlan } from "./prepare-lot-cart"

/**
 * This step checks a lot's line before the settlement puts it in a cart: the buyer's open offer,
 * at its price, one unit, into a new cart or an open cart of the same buyer that does not hold it
 * yet. The plugin's own check where it runs Medusa's cart workflows (it takes none of their hooks).
 */
export const validateLotLineStepId = "live-validate-lot-line-step"
export const validateLotLineStep = createStep(validateLotLineStepId, async (plan: LotCartPlan, { container }) => {
  const customerId = plan.cart.customer_id
  await assertLotLines(container, [plan.item], { customer_id: customerId, cart_id: null, allow_unattached: true })
  if (plan.bundle_cart_id) {
    const cart = await cartWithLines(container, plan.bundle_cart_id)
    if (!cart || cart.completed_at || cart.customer_id !== customerId) {
      throw lotNotWon(`Cart ${plan.bundle_cart_id} is not an open cart of the lot's buyer.`)
    }
    if (cart.items.some((i) => i.metadata?.[LOT_LINE_KEYS.offer] === plan.offer_id)) {
      throw lotLineLocked("This lot is already in the cart.")
    }
  }
  return new StepResponse(null)
})
