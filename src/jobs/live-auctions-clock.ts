import type { MedusaContainer } from "@medusajs/framework/types"
import { armCloseTimers, armLot } from "../lib/auction-clock"
import { relayOrWarn } from "../lib/auction-relay"
import { AUCTIONS_MODULE } from "../modules/auctions"
import type AuctionsModuleService from "../modules/auctions/service"

// Lots ending within this horizon get a precise timer now; the job runs well inside it.
const HORIZON_MS = 3000

/**
 * Every second: start scheduled lots whose time has come, arm precise close timers for lots
 * ending soon (overdue ones close at once), and publish any outbox event a crash left behind.
 * The timers do the closing; this is the net.
 */
export default async function liveAuctionsClock(container: MedusaContainer) {
  const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
  for (const id of await auctions.listScheduledLotsDue()) {
    // Another process may start it first: the transition then refuses, harmlessly.
    if ((await auctions.startAuction(id)).ok) {
      await armLot(container, id)
    }
  }
  armCloseTimers(container, await auctions.listLotsEndingWithin(HORIZON_MS))
  await relayOrWarn(container)
}

export const config = {
  name: "live-auctions-clock",
  schedule: { interval: 1000 },
}
