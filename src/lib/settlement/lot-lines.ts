import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { AuctionErrorCodes } from "../../realtime/contract/errors"
import { AUCTIONS_MODULE } from "../../modules/auctions"
import type AuctionsModuleService from "../../modules/auctions/service"

/** The metadata that marks a cart line as a won lot. */
export const LOT_LINE_KEYS = { auction: "auction_id", offer: "lot_offer_id" } as const

type Line = {
  id?: string
  quantity?: unknown
  unit_price?: unknown
  is_custom_price?: boolean | null
  metadata?: Record<string, unknown> | null
}

export function isLotLine(line: Line): boolean {
  const meta = line.metadata ?? {}
  return meta[LOT_LINE_KEYS.auction] != null || meta[LOT_LINE_KEYS.offer] != null
}

export function lotLineLocked(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_ALLOWED, message, AuctionErrorCodes.lot_line_locked)
}

export function lotNotWon(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_ALLOWED, message, AuctionErrorCodes.lot_not_won)
}

type Expectation = {
  customer_id: string | null | undefined
  /** The cart the line is going into, or is in. */
  cart_id: string | null
  /** The offer may also be in no cart yet (a new line); otherwise it must be in `cart_id`. */
  allow_unattached?: boolean
  /** At completion an offer already paid with this cart's order is fine (a retried completion). */
  allow_paid?: boolean
}

/**
 * Checks lot lines against their offers: the buyer's own open offer, at its price, one unit.
 * A line claiming a lot by metadata without all of that is refused (`lot_not_won`).
 */
export async function assertLotLines(container: MedusaContainer, lines: Line[], expected: Expectation): Promise<void> {
  const lotLines = lines.filter(isLotLine)
  if (!lotLines.length) {
    return
  }
  const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
  const offerIds = lotLines.map((l) => String(l.metadata?.[LOT_LINE_KEYS.offer] ?? ""))
  const offers = await auctions.listLotOffers({ id: offerIds.filter(Boolean) })
  for (const [i, line] of lotLines.entries()) {
    const offer = offers.find((o) => o.id === offerIds[i])
    const open = offer && (offer.status === "pending" || (expected.allow_paid && offer.status === "paid"))
    if (
      !offer ||
      !open ||
      offer.auction_id !== line.metadata?.[LOT_LINE_KEYS.auction] ||
      offer.customer_id !== expected.customer_id ||
      !((offer.cart_id ?? null) === expected.cart_id || (expected.allow_unattached && !offer.cart_id))
    ) {
      throw lotNotWon("Only the buyer of a lot can put it in a cart, and only while their offer to pay is open.")
    }
    if (Number(line.unit_price) !== Number(offer.amount) || Number(line.quantity) !== 1) {
      throw lotLineLocked("A won lot is sold as one item at its hammer price.")
    }
  }
}

export type CartWithLines = {
  id: string
  customer_id: string | null
  region_id: string | null
  completed_at: Date | string | null
  items: (Line & { id: string })[]
}

/** A cart with what the lot rules read of it, or null when there is no such cart. */
export async function cartWithLines(container: MedusaContainer, cartId: string): Promise<CartWithLines | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "region_id", "completed_at", "items.id", "items.quantity", "items.unit_price", "items.metadata"],
    filters: { id: cartId },
  })
  const cart = data[0]
  return cart ? { ...cart, items: (cart.items ?? []).filter(Boolean) } : null
}

/**
 * Checks every lot line of a cart about to become an order: each is its buyer's open offer, in
 * this cart, at its price (or already paid by this cart's order: a retried completion).
 */
export async function assertCartLotLines(container: MedusaContainer, cart: CartWithLines): Promise<void> {
  await assertLotLines(container, cart.items, { customer_id: cart.customer_id, cart_id: cart.id, allow_paid: true })
}
