import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LIVE_EVENTS_MODULE } from "../modules/live-events"
import type LiveEventsModuleService from "../modules/live-events/service"
import { SETTLEMENT_NOTICE_NAMES, settlementNotice, type SettlementNoticeName } from "../lib/settlement/notices"
import type { OfferEventData } from "../lib/settlement/settle"

/**
 * Tells the buyer, live: "this lot is in your cart, pay by…", reminders, a failed charge, a
 * lapsed lot. Through the sidecars to `user:<customer id>`, so a viewer still in the show sees it.
 */
export default async function settlementRealtime({ event, container }: SubscriberArgs<OfferEventData>) {
  const liveEvents: LiveEventsModuleService = container.resolve(LIVE_EVENTS_MODULE)
  try {
    await liveEvents.publish([{ notice: settlementNotice(event.name as SettlementNoticeName, event.data) }])
  } catch (err) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`live-commerce: realtime notice not sent: ${(err as Error).message}`)
  }
}

export const config: SubscriberConfig = { event: SETTLEMENT_NOTICE_NAMES }
