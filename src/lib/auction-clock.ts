import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AUCTIONS_MODULE } from "../modules/auctions"
import type AuctionsModuleService from "../modules/auctions/service"
import { relayOrWarn } from "./auction-relay"

/**
 * Closes lots at their end, to the millisecond, in this process: one timer per lot
 * ending soon. The close itself is a conditional UPDATE, so a timer that fires early
 * (the lot was extended) just re-arms, and several processes arming the same lot is harmless.
 */
const timers = new Map<string, NodeJS.Timeout>()

export type EndingLot = { id: string; ends_at: Date; db_now: Date }

export function armCloseTimers(container: MedusaContainer, lots: EndingLot[]): void {
  for (const lot of lots) {
    arm(container, lot)
  }
}

/** Arms (or re-arms) the timer of one lot from its end and the database clock. */
export function arm(container: MedusaContainer, lot: EndingLot): void {
  const existing = timers.get(lot.id)
  if (existing) {
    clearTimeout(existing)
  }
  const delay = Math.max(0, new Date(lot.ends_at).getTime() - new Date(lot.db_now).getTime())
  const timer = setTimeout(() => void fire(container, lot.id), delay)
  timer.unref()
  timers.set(lot.id, timer)
}

/** Looks the lot up and arms it if it is live (used right after a start). */
export async function armLot(container: MedusaContainer, id: string): Promise<void> {
  const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
  const lot = await auctions.getLiveLotEnd(id)
  if (lot) {
    arm(container, lot)
  }
}

async function fire(container: MedusaContainer, id: string): Promise<void> {
  timers.delete(id)
  const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
  try {
    const closed = await auctions.closeAuctionIfDue(id)
    if (closed) {
      await relayOrWarn(container)
      return
    }
    // Not due: extended by a late bid (or this clock ran a hair early). Follow the new end.
    const lot = await auctions.getLiveLotEnd(id)
    if (lot) {
      arm(container, lot)
    }
  } catch (err) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`live-commerce: closing ${id} failed, the sweep will retry: ${(err as Error).message}`)
  }
}
