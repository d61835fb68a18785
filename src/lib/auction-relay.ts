import type { IEventBusModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { AUCTIONS_MODULE } from "../modules/auctions"
import type AuctionsModuleService from "../modules/auctions/service"

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

let relaying: Promise<void> | null = null
let relayAgain = false

/**
 * Fire-and-forget relay for request handlers: the response does not wait for it, and a
 * storm of bids shares one relay run (plus one more for whatever arrived meanwhile)
 * instead of starting one per bid.
 */
export function relayInBackground(container: MedusaContainer): void {
  if (relaying) {
    relayAgain = true
    return
  }
  relaying = (async () => {
    do {
      relayAgain = false
      try {
        await relayAuctionEvents(container)
      } catch (err) {
        container
          .resolve(ContainerRegistrationKeys.LOGGER)
          .warn(`live-commerce: outbox relay failed, the clock job will retry: ${(err as Error).message}`)
      }
    } while (relayAgain)
  })().finally(() => {
    relaying = null
  })
}
