import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AUCTIONS_MODULE } from "../../modules/auctions"
import { LiveSettlementEvents } from "../../modules/auctions/events"
import type AuctionsModuleService from "../../modules/auctions/service"
import { chargeSavedPaymentMethods } from "./auto-charge"
import { clearLapsedLines, createMissingCarts, emit, expireOverdueOffers, reconcilePaidCarts } from "./settle"

const RECONCILE_EVERY_MS = 30_000
let lastReconciled = 0

/**
 * One pass of settlement, in order: sold lots get their winner's offer; overdue offers lapse
 * (and runner-ups get theirs); lapsed and cancelled lots leave their carts; offers get carts; carts that became orders mark lots paid (every 30 s: a net under `order.placed`);
 * reminders go out; saved cards are charged. Every step is idempotent and safe to run in
 * several processes at once, so the settlement loop and the close subscriber may both call it.
 */
export async function settleOnce(container: MedusaContainer): Promise<void> {
  const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
  await auctions.openSettlements()
  await expireOverdueOffers(container)
  await clearLapsedLines(container)
  await createMissingCarts(container)
  if (Date.now() - lastReconciled >= RECONCILE_EVERY_MS) {
    lastReconciled = Date.now()
    await reconcilePaidCarts(container)
  }
  await emit(container, LiveSettlementEvents.PAYMENT_REMINDER, await auctions.claimDueReminders())
  if ((await auctions.getOptions()).settlement.autoCharge) {
    await chargeSavedPaymentMethods(container)
  }
}

let running: Promise<void> | null = null
let runAgain = false

/** Runs settlement now; calls during a run fold into one more run after it. Never throws. */
export function runSettlement(container: MedusaContainer): Promise<void> {
  if (running) {
    runAgain = true
    return running
  }
  running = (async () => {
    do {
      runAgain = false
      try {
        await settleOnce(container)
      } catch (err) {
        container
          .resolve(ContainerRegistrationKeys.LOGGER)
          .warn(`live-commerce: settlement pass failed, retrying in 2 s: ${(err as Error).message}`)
      }
    } while (runAgain)
  })().finally(() => {
    running = null
  })
  return running
}
