import type { IEventBusModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { deleteLineItemsWorkflow } from "@medusajs/medusa/core-flows"
import { LiveSettlementEvents } from "../../modules/auctions/events"
import { AUCTIONS_MODULE } from "../../modules/auctions"
import type { OfferRow } from "../../modules/auctions/lib/settlement"
import type AuctionsModuleService from "../../modules/auctions/service"
import { createLotCartWorkflow, expireLotOfferWorkflow } from "../../workflows/settlement/workflows"
import { LOT_LINE_KEYS } from "./lot-lines"

/** What settlement events carry: the offer, without internals. */
export function offerEventData(offer: OfferRow) {
  return {
    id: offer.id,
    auction_id: offer.auction_id,
    run: offer.run,
    rank: offer.rank,
    customer_id: offer.customer_id,
    amount: offer.amount,
    currency_code: offer.currency_code,
    show_id: offer.show_id,
    due_at: new Date(offer.due_at).toISOString(),
    cart_id: offer.cart_id,
    order_id: offer.order_id,
  }
}

/** A settlement event's data: the offer, plus what some events add (a failed charge's outcome). */
export type OfferEventData = ReturnType<typeof offerEventData> & {
  charge_status?: "declined" | "action_required" | "failed"
  reason?: string | null
}

export async function emit(
  container: MedusaContainer,
  name: string,
  offers: OfferRow[],
  extra: Partial<OfferEventData> = {}
): Promise<void> {
  if (!offers.length) {
    return
  }
  const eventBus: IEventBusModuleService = container.resolve(Modules.EVENT_BUS)
  await eventBus.emit(offers.map((o) => ({ name, data: { ...offerEventData(o), ...extra } })))
}

function auctionsOf(container: MedusaContainer): AuctionsModuleService {
  return container.resolve(AUCTIONS_MODULE)
}

/** The orders placed from these carts, by cart id. */
async function ordersForCarts(container: MedusaContainer, cartIds: string[]): Promise<Map<string, string>> {
  if (!cartIds.length) {
    return new Map()
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order_cart", fields: ["cart_id", "order_id"], filters: { cart_id: cartIds } })
  return new Map(data.map((row: { cart_id: string; order_id: string }) => [row.cart_id, row.order_id]))
}

/** Marks an offer paid by an order (idempotent) and announces it the first time. */
export async function markPaid(container: MedusaContainer, offerId: string, orderId: string): Promise<void> {
  const result = await auctionsOf(container).markOfferPaid(offerId, orderId)
  if (result.ok && !result.duplicate) {
    await emit(container, LiveSettlementEvents.PAID, [result.offer])
  } else if (!result.ok && result.offer) {
    // Paid after it lapsed (or after a re-run): the order stands, staff decide (refund or keep).
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`live-commerce: order ${orderId} pays lot offer ${offerId}, which is ${result.offer.status}; review it.`)
  }
}

/**
 * Takes the lines of lapsed and cancelled offers out of their buyers' (still open) carts, and
 * records it. The one place this happens: after a lapse, after a re-run, and on every settlement
 * pass for any that failed (a line left behind would block the buyer's checkout for good).
 */
export async function clearLapsedLines(container: MedusaContainer): Promise<void> {
  const auctions = auctionsOf(container)
  for (const offer of await auctions.listLinesToClear()) {
    try {
      await removeLotLine(container, offer)
      await auctions.markLineCleared(offer.id)
    } catch (err) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`live-commerce: lot offer ${offer.id}'s line is still in cart ${offer.cart_id}, retried next pass: ${(err as Error).message}`)
    }
  }
}

/** Takes an offer's line out of its cart, unless the cart is gone or already an order. */
async function removeLotLine(container: MedusaContainer, offer: OfferRow): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "completed_at", "items.id", "items.metadata"],
    filters: { id: offer.cart_id },
  })
  const cart = data[0]
  if (!cart || cart.completed_at) {
    return
  }
  const ids = (cart.items ?? [])
    .filter((i: { metadata?: Record<string, unknown> | null } | null) => i?.metadata?.[LOT_LINE_KEYS.offer] === offer.id)
    .map((i: { id: string }) => i.id)
  if (ids.length) {
    await deleteLineItemsWorkflow(container).run({ input: { cart_id: cart.id, ids } })
  }
}

/** Cart workflows run side by side across buyers (one buyer's lots in one show stay in order). */
const CART_CONCURRENCY = 8

/** Puts every pending offer without a cart into one; a failure is recorded and retried next pass. */
export async function createMissingCarts(container: MedusaContainer): Promise<void> {
  const auctions = auctionsOf(container)
  const tried = new Set<string>()
  for (;;) {
    // An offer whose cart failed is not asked for again in this pass: one attempt per pass.
    const offers = await auctions.listOffersWithoutCart([...tried])
    if (!offers.length) {
      return
    }
    offers.forEach((o) => tried.add(o.id))
    // Lots of one buyer in one show share a cart (and its lock): those go one after another.
    const groups = new Map<string, OfferRow[]>()
    for (const offer of offers) {
      const key = `${offer.customer_id}:${offer.show_id ?? offer.id}`
      groups.set(key, [...(groups.get(key) ?? []), offer])
    }
    await forEachConcurrently([...groups.values()], CART_CONCURRENCY, async (group) => {
      for (const offer of group) {
        await createCart(container, offer)
      }
    })
  }
}

async function createCart(container: MedusaContainer, offer: OfferRow): Promise<void> {
  const { errors } = await createLotCartWorkflow(container).run({
    input: { offer_id: offer.id, customer_id: offer.customer_id, show_id: offer.show_id },
    throwOnError: false,
  })
  if (errors?.length) {
    const message = errors[0].error?.message ?? "unknown error"
    // Counted on the offer only while it still has no cart (another process may have made it).
    await auctionsOf(container).recordCartFailure(offer.id, message)
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`live-commerce: no cart for lot offer ${offer.id} yet: ${message}`)
  }
}

async function forEachConcurrently<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      await fn(items[next++])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

/**
 * Pending offers whose cart became an order without `order.placed` reaching us (a crash, a
 * worker down): marked paid now. `order.placed` is the normal path, so this is a slow sweep.
 */
export async function reconcilePaidCarts(container: MedusaContainer): Promise<void> {
  const auctions = auctionsOf(container)
  const take = 500
  for (let after: OfferRow | null = null; ; ) {
    const offers = await auctions.listPendingOffersWithCart(after, take)
    const orders = await ordersForCarts(container, [...new Set(offers.map((o) => o.cart_id!))])
    for (const offer of offers) {
      const orderId = orders.get(offer.cart_id!)
      if (orderId) {
        await markPaid(container, offer.id, orderId)
      }
    }
    if (offers.length < take) {
      return
    }
    after = offers[offers.length - 1]
  }
}

/**
 * Overdue offers lapse and go to their runner-ups: one `expireLotOfferWorkflow` run each (it holds
 * the locks and the compensation). A run that fails changed nothing: the next pass tries again.
 */
export async function expireOverdueOffers(container: MedusaContainer): Promise<void> {
  for (const offer of await auctionsOf(container).listOverdueOffers()) {
    const { errors } = await expireLotOfferWorkflow(container).run({
      input: { offer_id: offer.id, cart_id: offer.cart_id },
      throwOnError: false,
    })
    if (errors?.length) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`live-commerce: lapsing lot offer ${offer.id} failed, undone; retried next pass: ${errors[0].error?.message}`)
    }
  }
}
