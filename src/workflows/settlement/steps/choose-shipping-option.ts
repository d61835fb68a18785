import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { listShippingOptionsForCartWithPricingWorkflow } from "@medusajs/medusa/core-flows"

export const chooseShippingOptionStepId = "live-choose-shipping-option-step"

/** This step picks the cheapest shipping option that can serve the cart (its address set), or none. */
export const chooseShippingOptionStep = createStep(
  chooseShippingOptionStepId,
  async ({ cart_id }: { cart_id: string }, { container }) => {
    const { result: options } = await listShippingOptionsForCartWithPricingWorkflow(container).run({
      input: { cart_id, is_return: false },
    })
    const price = (o: { amount?: unknown; calculated_price?: { calculated_amount?: unknown } }) =>
      Number(o.calculated_price?.calculated_amount ?? o.amount)
    const cheapest = [...options]
      .filter((o: { insufficient_inventory?: boolean }) => !o.insufficient_inventory)
      .sort((a, b) => price(a) - price(b))[0]
    return new StepResponse({ shipping_option_id: (cheapest?.id as string | undefined) ?? null })
  }
)
