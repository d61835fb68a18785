import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AUCTIONS_MODULE } from "../modules/auctions"
import { LiveSettlementEvents } from "../modules/auctions/events"
import type AuctionsModuleService from "../modules/auctions/service"
import type { OfferEventData } from "../lib/settlement/settle"
import type { PrivateNoticeEvent } from "../realtime/contract/transport"

const SOCKET_EVENTS: Record<string, PrivateNoticeEvent> = {
  [LiveSettlementEvents.PAYMENT_DUE]: "auction:payment_due",
  [LiveSettlementEvents.PAYMENT_REMINDER]: "auction:payment_reminder",
  [LiveSettlementEvents.CHARGE_FAILED]: "auction:charge_failed",
  [LiveSettlementEvents.FORFEITED]: "auction:forfeited",
}

/**
 * Tells the buyer, live: "this lot is in your cart, pay by…", reminders, a failed charge, a
 * lapsed lot. Through the sidecars to `user:<customer id>`, so a viewer still in the show sees it.
 */
export default async function settlementRealtime({ event, container }: SubscriberArgs<OfferEventData>) {
  const o = event.data
  const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
  try {
    await auctions.sendPrivateNotices([
      {
        customer_id: o.customer_id,
        event: SOCKET_EVENTS[event.name],
        payload: {
          auction_id: o.auction_id,
          offer_id: o.id,
          rank: o.rank,
          amount: o.amount,
          currency_code: o.currency_code,
          due_at: o.due_at,
          cart_id: o.cart_id,
          ...(o.charge_status ? { charge_status: o.charge_status, reason: o.reason ?? null } : {}),
          server_time: new Date().toISOString(),
        },
      },
    ])
  } catch (err) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`live-commerce: realtime notice not sent: ${(err as Error).message}`)
  }
}

export const config: SubscriberConfig = { event: Object.keys(SOCKET_EVENTS) }
