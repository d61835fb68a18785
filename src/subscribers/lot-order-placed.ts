import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOT_LINE_KEYS } from "../lib/settlement/lot-lines"
import { markPaid } from "../lib/settlement/settle"

/** An order with won lots in it: those lots are paid, and linked to the order. */
export default async function lotOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "items.metadata"], filters: { id: event.data.id } })
  const offerIds = (data[0]?.items ?? [])
    .map((i: { metadata?: Record<string, unknown> | null } | null) => i?.metadata?.[LOT_LINE_KEYS.offer])
    .filter((id: unknown): id is string => typeof id === "string")
  for (const offerId of offerIds) {
    await markPaid(container, offerId, event.data.id)
  }
}

export const config: SubscriberConfig = { event: "order.placed" }
