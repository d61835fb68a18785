import type { MedusaContainer } from "@medusajs/framework/types"
import { AUCTIONS_MODULE } from "../../modules/auctions"
import { LiveSettlementEvents } from "../../modules/auctions/events"
import type AuctionsModuleService from "../../modules/auctions/service"
import type { ChargeRefusal } from "./charge-outcome"
import { emit } from "./settle"

/**
 * Records why a claimed charge ended without an order (only on offers still claimed for it) and,
 * unless the buyer simply has no saved card, tells the storefront and staff
 * (`live_auction.charge_failed`): the buyer pays at checkout before the deadline.
 */
export async function recordChargeRefusal(container: MedusaContainer, offerIds: string[], refusal: ChargeRefusal): Promise<void> {
  const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
  const recorded = await auctions.recordCartCharge(offerIds, refusal)
  if (refusal.status !== "no_saved_method" && recorded.length) {
    await emit(container, LiveSettlementEvents.CHARGE_FAILED, recorded, { charge_status: refusal.status, reason: refusal.error })
  }
}
