import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { checkoutLockKey } from "../../../lib/settlement/checkout-lock"
import { LiveSettlementEvents } from "../../../modules/auctions/events"
import { expireOfferStep } from "../steps/expire-offer"
import { findCartOrderStep } from "../steps/find-cart-order"
import { markOfferPaidStep } from "../steps/mark-offer-paid"

export type ExpireLotOfferInput = { offer_id: string; cart_id: string | null }

export const expireLotOfferWorkflowId = "live-expire-lot-offer"

/**
 * This workflow lapses an overdue offer and hands the lot to the next runner-up. Under the plugin's
 * checkout lock and the cart's own (the one Medusa's completion takes), in that order, as a
 * checkout takes them: a buyer paying at the deadline either completes first (then the lot is
 * paid, not lapsed) or finds it lapsed. The lapsed lot's line leaves the cart on the settlement
 * pass that clears lines (`line_cleared_at`), outside the cart's lock, which Medusa's line
 * deletion takes itself.
 */
export const expireLotOfferWorkflow = createWorkflow(expireLotOfferWorkflowId, (input: ExpireLotOfferInput) => {
  const keys = transform({ input }, ({ input }) => ({
    checkout: checkoutLockKey(input.cart_id ?? input.offer_id),
    cart: input.cart_id ?? input.offer_id,
  }))
  acquireLockStep({ key: keys.checkout, timeout: 30, ttl: 120 })
  acquireLockStep({ key: keys.cart, timeout: 30, ttl: 120 }).config({ name: "live-acquire-cart-lock" })
  const order = findCartOrderStep({ cart_id: input.cart_id })

  const paid = when("live-offer-paid-in-time", { order }, ({ order }) => !!order.order_id).then(() =>
    markOfferPaidStep(transform({ input, order }, ({ input, order }) => ({ offer_id: input.offer_id, order_id: order.order_id! })))
  )
  const lapse = when("live-offer-unpaid", { order }, ({ order }) => !order.order_id).then(() => expireOfferStep({ offer_id: input.offer_id }))

  releaseLockStep({ key: keys.cart }).config({ name: "live-release-cart-lock" })
  releaseLockStep({ key: keys.checkout })
  // Each list may be empty: an empty one emits nothing.
  emitEventStep({ eventName: LiveSettlementEvents.PAID, data: transform({ paid }, ({ paid }) => paid ?? []) }).config({
    name: "live-emit-paid",
  })
  emitEventStep({ eventName: LiveSettlementEvents.FORFEITED, data: transform({ lapse }, ({ lapse }) => lapse?.forfeited ?? []) }).config({
    name: "live-emit-forfeited",
  })
  emitEventStep({
    eventName: LiveSettlementEvents.OFFERED_TO_RUNNER_UP,
    data: transform({ lapse }, ({ lapse }) => lapse?.runner_up ?? []),
  }).config({ name: "live-emit-offered-to-runner-up" })
  return new WorkflowResponse(transform({ paid, lapse }, ({ paid, lapse }) => ({ paid: !!paid?.length, lapsed: !!lapse?.forfeited.length })))
})
