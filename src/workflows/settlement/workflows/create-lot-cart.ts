import { acquireLockStep, addToCartWorkflow, createCartWorkflow, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { LiveSettlementEvents } from "../../../modules/auctions/events"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { attachOfferCartStep } from "../steps/attach-offer-cart"
import { prepareLotCartStep } from "../steps/prepare-lot-cart"
import { validateLotLineStep } from "../steps/validate-lot-line"

export type CreateLotCartInput = { offer_id: string; customer_id: string; show_id: string | null }

export const createLotCartWorkflowId = "live-create-lot-cart"
/**
 * Puts a pending offer's lot in its buyer's cart at the offer's price: the buyer's open cart for
 * the same show if there is one (wins in one show ship together), else a new cart. Locked per
 * buyer and show, so two lots closing at once still share one cart. Tells the buyer
 * (`live_auction.payment_due`) once the lot is in the cart.
 */
export const createLotCartWorkflow = createWorkflow(createLotCartWorkflowId, (input: CreateLotCartInput) => {
  const lockKey = transform({ input }, ({ input }) => `live-lot-cart:${input.customer_id}:${input.show_id ?? input.offer_id}`)
  acquireLockStep({ key: lockKey, timeout: 15, ttl: 60 })
  const plan = prepareLotCartStep({ offer_id: input.offer_id })
  validateLotLineStep(plan)

  const created = when("live-new-lot-cart", { plan }, ({ plan }) => !plan.bundle_cart_id).then(() => {
    const cartInput = transform({ plan }, ({ plan }) => ({ ...plan.cart, items: [plan.item] }))
    return createCartWorkflow.runAsStep({ input: cartInput })
  })
  when("live-bundle-lot", { plan }, ({ plan }) => !!plan.bundle_cart_id).then(() => {
    const addInput = transform({ plan }, ({ plan }) => ({ cart_id: plan.bundle_cart_id!, items: [plan.item] }))
    addToCartWorkflow.runAsStep({ input: addInput })
  })
  // Last: whoever sees the offer's cart finds the lot in it.
  const cartId = transform({ plan, created }, ({ plan, created }) => plan.bundle_cart_id ?? created!.id)
  const offer = attachOfferCartStep({ offer_id: input.offer_id, cart_id: cartId })
  releaseLockStep({ key: lockKey })
  emitEventStep({ eventName: LiveSettlementEvents.PAYMENT_DUE, data: offer })

  const result = transform({ plan, cartId }, ({ plan, cartId }) => ({
    offer_id: plan.offer_id,
    cart_id: cartId,
    bundled: !!plan.bundle_cart_id,
  }))
  return new WorkflowResponse(result)
})
