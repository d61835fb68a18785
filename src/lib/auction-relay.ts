import type { IEventBusModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { AUCTIONS_MODULE } from "../modules/auctions"
import type AuctionsModuleService from "../modules/auctions/service"
import { LIVE_EVENTS_MODULE } from "../modules/live-events"
import type LiveEventsModuleService from "../modules/live-events/service"
import { toPublishedEvent, type PublishedEvent } from "../realtime/contract/transport"
import { ensureLiveLoops } from "./live-loops"

/**
 * Relays the auctions outbox, in order, batch by batch: to the sidecars through the live-events
 * pipeline, in the transaction that marks the batch published (a NOTIFY leaves at its commit),
 * and to Medusa's event bus for subscribers. Called right after each state change and every
 * second by the relay loop (for anything a crash or an outage left behind).
 */
export async function relayAuctionEvents(container: MedusaContainer): Promise<number> {
  const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
  const liveEvents: LiveEventsModuleService = container.resolve(LIVE_EVENTS_MODULE)
  const eventBus: IEventBusModuleService = container.resolve(Modules.EVENT_BUS)
  return auctions.relayEvents(async (claimed, transaction) => {
    const events = claimed.map(toPublishedEvent).filter((e): e is PublishedEvent => e !== null)
    await liveEvents.publish(events, { transactionManager: transaction })
    await eventBus.emit(claimed.map((e) => ({ name: e.name, data: e.payload })))
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
