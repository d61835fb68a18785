import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { LiveAuctionEvents } from "../modules/auctions/events"
import { runSettlement } from "../lib/settlement/run-settlement"

/** A lot closed: if it sold, its winner's cart is made now rather than at the next job run. */
export default async function lotSold({ event, container }: SubscriberArgs<{ status?: string }>) {
  if (event.data.status === "sold") {
    await runSettlement(container)
  }
}

export const config: SubscriberConfig = { event: LiveAuctionEvents.CLOSED }
