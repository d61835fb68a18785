import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AUCTIONS_MODULE } from "../modules/auctions"
import type AuctionsModuleService from "../modules/auctions/service"
import { relayOrWarn } from "./auction-relay"

// Lots ending within this horizon get a precise timer now; the clock ticks well inside it.
const HORIZON_MS = 3000

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

/** Drops every timer of this process (the app is shutting down: nothing may close lots any more). */
export function disarmAll(): void {
  timers.forEach((timer) => clearTimeout(timer))
  timers.clear()
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

/**
 * One tick of the clock (every second, see live-loops.ts): start scheduled lots whose time has
 * come, and arm precise close timers for lots ending soon (overdue ones close at once). The
 * timers do the closing; this is the net under them (a restart, a lost timer).
 */
export async function tickClock(container: MedusaContainer): Promise<void> {
  const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
  for (const id of await auctions.listScheduledLotsDue()) {
    // Another process may start it first: the transition then refuses, harmlessly.
    if ((await auctions.startAuction(id)).ok) {
      await armLot(container, id)
    }
  }
  armCloseTimers(container, await auctions.listLotsEndingWithin(HORIZON_MS))
}
