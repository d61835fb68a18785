import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const findCartOrderStepId = "live-find-cart-order-step"

/** This step tells whether a cart became an order (and which), e.g. paid just before its deadline. */
export const findCartOrderStep = createStep(findCartOrderStepId, async ({ cart_id }: { cart_id: string | null }, { container }) => {
  if (!cart_id) {
    return new StepResponse({ order_id: null as string | null })
  }
  const { data } = await container
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id } })
  return new StepResponse({ order_id: (data[0]?.order_id as string | undefined) ?? null })
})
