import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { AUCTIONS_MODULE } from "../modules/auctions"
import { LiveSettlementEvents } from "../modules/auctions/events"
import type AuctionsModuleService from "../modules/auctions/service"
import type { OfferEventData } from "../lib/settlement/settle"

/**
 * Tells staff in the Admin's notification panel (Medusa's `feed` channel) when a sold lot needs
 * them: a buyer let it lapse, or an automatic charge failed.
 */
export default async function settlementAdminFeed({ event, container }: SubscriberArgs<OfferEventData>) {
  const offer = event.data
  const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
  const [lot] = await auctions.listAuctions({ id: offer.auction_id })
  const title = lot ? `"${lot.title}"` : offer.auction_id
  const price = `${offer.amount} ${offer.currency_code.toUpperCase()}`
  const description =
    event.name === LiveSettlementEvents.FORFEITED
      ? `The buyer did not pay ${price} for ${title} by the deadline and is blocked from bidding. ` +
        (lot?.settlement_status === "offered_to_runner_up"
          ? "The lot is now offered to the runner-up."
          : "No runner-up is left: re-run the lot or sell it otherwise.")
      : `The automatic charge of ${price} for ${title} did not go through (${offer.reason ?? "declined"}); the buyer was asked to pay at checkout.`
  try {
    await container.resolve(Modules.NOTIFICATION).createNotifications({
      to: "",
      channel: "feed",
      template: "admin-ui",
      data: {
        title: event.name === LiveSettlementEvents.FORFEITED ? "Lot payment lapsed" : "Lot charge failed",
        description,
      },
    })
  } catch (err) {
    // An app without a feed provider still settles: the admin API has the same state.
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`live-commerce: no admin notification: ${(err as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: [LiveSettlementEvents.FORFEITED, LiveSettlementEvents.CHARGE_FAILED],
}
