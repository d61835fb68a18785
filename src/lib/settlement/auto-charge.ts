import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { AUCTIONS_MODULE } from "../../modules/auctions"
import { LiveSettlementEvents } from "../../modules/auctions/events"
import type AuctionsModuleService from "../../modules/auctions/service"
import { chargeLotCartWorkflow } from "../../workflows/settlement/workflows/charge-lot-cart"
import { CHARGE_REFUSED } from "./charge-outcome"
import { emit } from "./settle"

/**
 * Charges won lots to the buyer's saved card, off-session (Stripe), once per cart: lots outside a
 * show at once, a show's lots once the show has no scheduled or live lot left (so its wins ship,
 * and are charged, together). A thin scheduler: each cart is one run of `chargeLotCartWorkflow`,
 * which holds the money and its compensation. A charge that needs the buyer or is declined is not
 * retried (the buyer pays at checkout before the deadline, told by `live_auction.charge_failed`);
 * one that failed for another reason is tried once more on the next pass, then given up too.
 */
export async function chargeSavedPaymentMethods(container: MedusaContainer): Promise<void> {
  const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
  const cartIds = await auctions.listChargeableCarts()
  if (!cartIds.length) {
    return
  }
  const { autoChargeProviderId: providerId } = (await auctions.getOptions()).settlement
  const [provider] = await container.resolve(Modules.PAYMENT).listPaymentProviders({ id: providerId, is_enabled: true })
  if (!provider) {
    return // no card provider configured: buyers pay at checkout
  }
  for (const cartId of cartIds) {
    const { errors } = await chargeLotCartWorkflow(container).run({
      input: { cart_id: cartId, provider_id: providerId },
      throwOnError: false,
    })
    const failure = errors?.[0]?.error as { code?: string; message?: string } | undefined
    if (!failure || failure.code === CHARGE_REFUSED) {
      continue // charged, or refused (recorded and announced by the workflow)
    }
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`live-commerce: charging cart ${cartId} failed, undone; the next pass tries once more: ${failure.message}`)
    // A cart whose attempts are used up is given up: the buyer pays at checkout.
    const given = await auctions.giveUpCartCharge(cartId, failure.message ?? null)
    await emit(container, LiveSettlementEvents.CHARGE_FAILED, given, { charge_status: "failed", reason: failure.message ?? null })
  }
}
