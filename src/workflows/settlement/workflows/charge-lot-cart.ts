import {
  acquireLockStep,
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  emitEventStep,
  releaseLockStep,
  updateCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { checkoutLockKey } from "../../../lib/settlement/checkout-lock"
import { LiveSettlementEvents } from "../../../modules/auctions/events"
import { assertChargeAuthorizedStep } from "../steps/assert-charge-authorized"
import { chooseShippingOptionStep } from "../steps/choose-shipping-option"
import { claimCartChargeStep } from "../steps/claim-cart-charge"
import { keepCartAddressStep } from "../steps/keep-cart-address"
import { markCartOffersPaidStep } from "../steps/mark-cart-offers-paid"
import { prepareOffSessionChargeStep } from "../steps/prepare-off-session-charge"
import { recordChargeRefusalStep } from "../steps/record-charge-refusal"
import { validateCartLotLinesStep } from "../steps/validate-cart-lot-lines"

export type ChargeLotCartInput = { cart_id: string; provider_id: string }

export const chargeLotCartWorkflowId = "live-charge-lot-cart"

/**
 * This workflow charges a cart of won lots to the buyer's saved card, off-session, and turns it
 * into an order: claim the cart's offers (one caller), check the card, the lots and the address,
 * set address and shipping where missing, open a payment session that confirms the charge, complete
 * the cart, mark the lots paid. Money moves only here, and every step that changes something
 * outside undoes it if a later one fails: the payment session is deleted (its intent cancelled),
 * Medusa's completion reverts its order and payment, the cart gets its address and shipping back,
 * and the claim is returned for the next settlement pass (a recorded refusal stays: a declined
 * card is never charged twice).
 */
export const chargeLotCartWorkflow = createWorkflow(chargeLotCartWorkflowId, (input: ChargeLotCartInput) => {
  // `when` blocks cannot nest (workflows-sdk 2.21), so each one states its whole condition.
  const claim = claimCartChargeStep({ cart_id: input.cart_id })
  const plan = when("live-charge-claimed", { claim }, ({ claim }) => claim.offer_ids.length > 0).then(() =>
    prepareOffSessionChargeStep(
      transform({ input, claim }, ({ input, claim }) => ({ cart_id: input.cart_id, provider_id: input.provider_id, customer_id: claim.customer_id! }))
    )
  )
  when("live-charge-impossible", { plan }, ({ plan }) => !!plan?.refusal).then(() => {
    recordChargeRefusalStep(transform({ claim, plan }, ({ claim, plan }) => ({ offer_ids: claim.offer_ids, refusal: plan!.refusal! })))
  })

  const lockKey = transform({ input }, ({ input }) => checkoutLockKey(input.cart_id))
  when("live-charge-possible", { plan }, ({ plan }) => !!plan && !plan.refusal).then(() => {
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
    validateCartLotLinesStep({ cart_id: input.cart_id })
  })
  when("live-charge-set-address", { plan }, ({ plan }) => !!plan && !plan.refusal && !!plan.shipping_address).then(() => {
    keepCartAddressStep({ cart_id: input.cart_id })
    updateCartWorkflow.runAsStep({
      input: transform({ input, plan }, ({ input, plan }) => ({ id: input.cart_id, shipping_address: plan!.shipping_address! })),
    })
  })
  const option = when("live-charge-needs-shipping", { plan }, ({ plan }) => !!plan && !plan.refusal && plan.needs_shipping_method).then(
    () => chooseShippingOptionStep({ cart_id: input.cart_id })
  )
  when("live-charge-add-shipping", { option }, ({ option }) => !!option?.shipping_option_id).then(() => {
    addShippingMethodToCartWorkflow.runAsStep({
      input: transform({ input, option }, ({ input, option }) => ({ cart_id: input.cart_id, options: [{ id: option!.shipping_option_id! }] })),
    })
  })
  const collection = when("live-charge-new-collection", { plan }, ({ plan }) => !!plan && !plan.refusal && !plan.payment_collection_id).then(
    () => createPaymentCollectionForCartWorkflow.runAsStep({ input: { cart_id: input.cart_id } })
  )

  const order = when("live-charge-and-complete", { plan }, ({ plan }) => !!plan && !plan.refusal).then(() => {
    const session = createPaymentSessionsWorkflow.runAsStep({
      input: transform({ input, plan, claim, collection }, ({ input, plan, claim, collection }) => ({
        payment_collection_id: plan!.payment_collection_id ?? collection!.id,
        provider_id: input.provider_id,
        customer_id: claim.customer_id!,
        data: { payment_method: plan!.payment_method_id, off_session: true, confirm: true },
      })),
    })
    assertChargeAuthorizedStep(transform({ session, claim }, ({ session, claim }) => ({ session, offer_ids: claim.offer_ids })))
    const placed = completeCartWorkflow.runAsStep({ input: { id: input.cart_id } })
    const paid = markCartOffersPaidStep(
      transform({ claim, placed }, ({ claim, placed }) => ({ offer_ids: claim.offer_ids, order_id: placed.id }))
    )
    releaseLockStep({ key: lockKey })
    emitEventStep({ eventName: LiveSettlementEvents.PAID, data: paid })
    return placed
  })

  return new WorkflowResponse(
    transform({ claim, plan, order }, ({ claim, plan, order }) => ({
      offer_ids: claim.offer_ids,
      refusal: plan?.refusal ?? null,
      order_id: order?.id ?? null,
    }))
  )
})
