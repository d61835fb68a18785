import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { assertCartLotLines, cartWithLines } from "../../../lib/settlement/lot-lines"

export const validateCartLotLinesStepId = "live-validate-cart-lot-lines-step"

/**
 * This step checks, under the checkout lock, that every lot in the cart is still its buyer's open
 * offer at its price, before the card is charged: the plugin runs Medusa's completion itself, past
 * the Store route's guard.
 */
export const validateCartLotLinesStep = createStep(
  validateCartLotLinesStepId,
  async ({ cart_id }: { cart_id: string }, { container }) => {
    const cart = await cartWithLines(container, cart_id)
    if (cart) {
      await assertCartLotLines(container, cart)
    }
    return new StepResponse(null)
  }
)
