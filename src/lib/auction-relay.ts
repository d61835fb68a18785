import type { IEventBusModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { AUCTIONS_MODULE } from "../modules/auctions"
import type AuctionsModuleService from "../modules/auctions/service"
import { ensureLiveLoops } from "./live-loops"

/**
 * Publishes the auctions outbox on Medusa's event bus, in order, after commit.
 * Called right after each state change and by the sweep job (for anything a crash left behind).
 */
export async function relayAuctionEvents(container: MedusaContainer): Promise<number> {
  const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
  const eventBus: IEventBusModuleService = container.resolve(Modules.EVENT_BUS)
  return auctions.relayEvents(async (events) => {
    await eventBus.emit(events.map((e) => ({ name: e.name, data: e.payload })))
  })
}

/**
 * The relay for callers that must not fail because of it (the relay loop, request handlers):
 * a failure (Redis away, say) leaves the events unpublished and is retried on the next run.
 */
export async function relayOrWarn(container: MedusaContainer): Promise<void> {
  try {
    await relayAuctionEvents(container)
  } catch (err) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`live-commerce: outbox relay failed, retrying in a second: ${(err as Error).message}`)
  }
}

let relaying: Promise<void> | null = null
let relayAgain = false

/**
 * Fire-and-forget relay for request handlers: the response does not wait for it, and a
 * storm of bids shares one relay run (plus one more for whatever arrived meanwhile)
 * instead of starting one per bid.
 */
export function relayInBackground(container: MedusaContainer): void {
  // A state change is a sign of life: make sure this process's loops run (see live-loops.ts).
  ensureLiveLoops(container)
  if (relaying) {
    relayAgain = true
    return
  }
  relaying = (async () => {
    do {
      relayAgain = false
      await relayOrWarn(container)
    } while (relayAgain)
  })().finally(() => {
    relaying = null
  })
}
