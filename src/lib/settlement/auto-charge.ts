import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  listShippingOptionsForCartWithPricingWorkflow,
  updateCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { AUCTIONS_MODULE } from "../../modules/auctions"
import { LiveSettlementEvents } from "../../modules/auctions/events"
import type AuctionsModuleService from "../../modules/auctions/service"
import { defaultShippingAddress } from "./address"
import { withCheckoutLock } from "./checkout-lock"
import { assertCartLotLines, cartWithLines } from "./lot-lines"
import { emit, markPaid } from "./settle"

/**
 * Charges won lots to the buyer's saved card, off-session (Stripe), once per cart:
 * lots outside a show at once, a show's lots once the show has no scheduled or live lot left
 * (so its wins ship, and are charged, together). A charge that needs the buyer
 * (authentication) or is declined is not retried: the buyer pays at checkout before the
 * deadline, and `live_auction.charge_failed` tells the storefront to ask them.
 */
export async function chargeSavedPaymentMethods(container: MedusaContainer): Promise<void> {
  const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
  const cartIds = await auctions.listChargeableCarts()
  if (!cartIds.length) {
    return
  }
  const { autoChargeProviderId: providerId } = (await auctions.getOptions()).settlement
  const [provider] = await container
    .resolve(Modules.PAYMENT)
    .listPaymentProviders({ id: providerId, is_enabled: true })
  if (!provider) {
    return // no card provider configured: buyers pay at checkout
  }
  for (const cartId of cartIds) {
    const claimed = await auctions.claimCartCharge(cartId)
    if (!claimed.length) {
      continue // another process has it
    }
    const outcome = await chargeCart(container, cartId, claimed[0].customer_id, providerId).catch(
      (err: Error): ChargeOutcome => ({ status: "failed", error: err.message })
    )
    await auctions.recordCartCharge(claimed.map((o) => o.id), outcome)
    if (outcome.status === "succeeded") {
      for (const offer of claimed) {
        await markPaid(container, offer.id, outcome.order_id!)
      }
    } else if (outcome.status !== "no_saved_method") {
      await emit(container, LiveSettlementEvents.CHARGE_FAILED, claimed, {
        charge_status: outcome.status,
        reason: outcome.error ?? null,
      })
    }
  }
}

type ChargeOutcome = {
  status: "succeeded" | "action_required" | "declined" | "failed" | "no_saved_method"
  error?: string | null
  order_id?: string
}

async function chargeCart(
  container: MedusaContainer,
  cartId: string,
  customerId: string,
  providerId: string
): Promise<ChargeOutcome> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const payment = container.resolve(Modules.PAYMENT)
  const { data: customers } = await query.graph({
    entity: "customer",
    fields: ["id", "addresses.*", "account_holders.*"],
    filters: { id: customerId },
  })
  const customer = customers[0]
  const holder = (customer?.account_holders ?? []).find((h: { provider_id?: string } | null) => h?.provider_id === providerId)
  if (!holder) {
    return { status: "no_saved_method" }
  }
  const [method] = await payment.listPaymentMethods({ provider_id: providerId, context: { account_holder: holder } })
  if (!method) {
    return { status: "no_saved_method" }
  }

  const cannotShip = await addAddressAndShipping(container, cartId, customer)
  if (cannotShip) {
    return cannotShip
  }
  const { data: carts } = await query.graph({ entity: "cart", fields: ["payment_collection.id"], filters: { id: cartId } })
  let collectionId: string | undefined = carts[0]?.payment_collection?.id
  if (!collectionId) {
    const { result } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cartId } })
    collectionId = result.id
  }
  // The session confirms the charge: from the lot check to the order, under the checkout lock.
  return withCheckoutLock<ChargeOutcome>(container, cartId, async () => {
    // The plugin's own check (it runs Medusa's completion itself, past the Store route's guard):
    // every lot in the cart is still this buyer's open offer, at its price, before the card is charged.
    await assertCartLotLines(container, (await cartWithLines(container, cartId))!)
    const { result: session } = await createPaymentSessionsWorkflow(container).run({
      input: {
        payment_collection_id: collectionId!,
        provider_id: providerId,
        customer_id: customerId,
        data: { payment_method: method.id, off_session: true, confirm: true },
      },
    })
    const refused = refusal(session)
    if (refused) {
      return refused
    }
    const { result: order } = await completeCartWorkflow(container).run({ input: { id: cartId } })
    return { status: "succeeded", order_id: order.id }
  })
}

/** Stripe's answer to the off-session confirmation, as stored on the session. */
function refusal(session: { status?: string; data?: Record<string, any> | null }): ChargeOutcome | null {
  const error = session.data?.last_payment_error
  if (session.status === "authorized" || session.status === "captured") {
    return null
  }
  if (error?.code === "authentication_required" || session.status === "requires_more") {
    return { status: "action_required", error: error?.message ?? "The bank asks the buyer to confirm this payment." }
  }
  return { status: "declined", error: error?.message ?? `The payment session is ${session.status}.` }
}

/** Address (the buyer's default) and the cheapest shipping option, where the cart lacks them. */
async function addAddressAndShipping(
  container: MedusaContainer,
  cartId: string,
  customer: { addresses?: Record<string, any>[] }
): Promise<ChargeOutcome | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "shipping_address.id", "shipping_methods.id"],
    filters: { id: cartId },
  })
  const cart = data[0]
  if (!cart.shipping_address?.id) {
    const shipping_address = defaultShippingAddress(customer.addresses)
    if (!shipping_address) {
      return { status: "failed", error: "The buyer has no address to ship to: they check out themselves." }
    }
    await updateCartWorkflow(container).run({ input: { id: cartId, shipping_address } })
  }
  if (!cart.shipping_methods?.length) {
    const { result: options } = await listShippingOptionsForCartWithPricingWorkflow(container).run({
      input: { cart_id: cartId, is_return: false },
    })
    const cheapest = [...options]
      .filter((o: { insufficient_inventory?: boolean }) => !o.insufficient_inventory)
      .sort((a: any, b: any) => Number(a.calculated_price?.calculated_amount ?? a.amount) - Number(b.calculated_price?.calculated_amount ?? b.amount))[0]
    if (cheapest) {
      await addShippingMethodToCartWorkflow(container).run({ input: { cart_id: cartId, options: [{ id: cheapest.id }] } })
    }
  }
  return null
}
