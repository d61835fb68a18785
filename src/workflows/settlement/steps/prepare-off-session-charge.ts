import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { defaultShippingAddress } from "../../../lib/settlement/address"
import type { ChargeRefusal } from "../../../lib/settlement/charge-outcome"

export type PrepareOffSessionChargeStepInput = { cart_id: string; customer_id: string; provider_id: string }

/** What an off-session charge of a cart needs, read before anything changes. */
export type OffSessionChargePlan = {
  /** Why the cart cannot be charged without the buyer (no saved card, nowhere to ship); null: go ahead. */
  refusal: ChargeRefusal | null
  payment_method_id: string | null
  /** The buyer's default address, when the cart has none yet. */
  shipping_address: Record<string, unknown> | null
  /** The cart has no shipping method yet: the cheapest option is added (once the address is set). */
  needs_shipping_method: boolean
  /** The cart's payment collection, if it has one. */
  payment_collection_id: string | null
}

export const prepareOffSessionChargeStepId = "live-prepare-off-session-charge-step"

/** This step works out an off-session charge: the saved card, and the address and shipping the cart lacks. */
export const prepareOffSessionChargeStep = createStep(
  prepareOffSessionChargeStepId,
  async ({ cart_id, customer_id, provider_id }: PrepareOffSessionChargeStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const plan: OffSessionChargePlan = {
      refusal: null,
      payment_method_id: null,
      shipping_address: null,
      needs_shipping_method: false,
      payment_collection_id: null,
    }
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id", "addresses.*", "account_holders.*"],
      filters: { id: customer_id },
    })
    const customer = customers[0]
    const holder = (customer?.account_holders ?? []).find((h: { provider_id?: string } | null) => h?.provider_id === provider_id)
    const [method] = holder
      ? await container.resolve(Modules.PAYMENT).listPaymentMethods({ provider_id, context: { account_holder: holder } })
      : []
    if (!method) {
      return new StepResponse({ ...plan, refusal: { status: "no_saved_method" as const, error: null } })
    }
    plan.payment_method_id = method.id

    const { data: carts } = await query.graph({
      entity: "cart",
      fields: ["id", "shipping_address.id", "shipping_methods.id", "payment_collection.id"],
      filters: { id: cart_id },
    })
    const cart = carts[0]
    plan.payment_collection_id = cart?.payment_collection?.id ?? null
    if (!cart?.shipping_address?.id) {
      plan.shipping_address = defaultShippingAddress(customer?.addresses)
      if (!plan.shipping_address) {
        return new StepResponse({
          ...plan,
          refusal: { status: "failed" as const, error: "The buyer has no address to ship to: they check out themselves." },
        })
      }
    }
    plan.needs_shipping_method = !cart?.shipping_methods?.length
    return new StepResponse(plan)
  }
)

