import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  assertLotLines,
  cartWithLines,
  isLotLine,
  lotLineLocked,
  lotNotWon,
  LOT_LINE_KEYS,
  type CartWithLines,
} from "../../../lib/settlement/lot-lines"
import { EntityId } from "../../utils/validators"

/*
 * A won lot's cart line is made by the settlement workflow only, at the offer's price, and cannot
 * be edited. These guard Medusa's Store cart routes that could make, change, drop or move one
 * (docs/decisions.md: middlewares, not core workflow hooks, which a host app may need itself).
 * The Store API cannot set prices, so a lot line it sends is always refused: `lot_not_won` when
 * the lot is not the cart owner's open offer, else `lot_line_locked`.
 */

type Body = { items?: unknown; region_id?: unknown }
/** Medusa authenticates Store requests optionally: `auth_context` is there when a customer is logged in. */
type Req = MedusaRequest<Body> & { auth_context?: { actor_id?: string } }

/** The body as Medusa validated it (its middleware runs first), else as sent. */
const bodyOf = (req: Req): Body => (req.validatedBody ?? req.body ?? {}) as Body

/** The objects among `items` (anything else is Medusa's validation's to refuse). */
function objectsIn(items: unknown) {
  return (Array.isArray(items) ? items : [items]).filter(
    (i): i is { metadata?: Record<string, unknown> | null } => !!i && typeof i === "object"
  )
}

/** The cart named by the path, or null when the id is no id or there is no such cart (Medusa answers). */
async function cartOf(req: Req): Promise<CartWithLines | null> {
  const { id } = req.params
  return EntityId.safeParse(id).success ? cartWithLines(req.scope, id) : null
}

const hasLotLines = (cart: CartWithLines | null): cart is CartWithLines => !!cart && cart.items.some(isLotLine)

/** POST /store/carts: a new cart's items may not claim a lot. */
export async function guardNewCartItems(req: Req, _res: MedusaResponse, next: MedusaNextFunction) {
  const items = objectsIn(bodyOf(req).items)
  if (items.some(isLotLine)) {
    await assertLotLines(req.scope, items, { customer_id: req.auth_context?.actor_id ?? null, cart_id: null })
  }
  next()
}

/** POST /store/carts/:id/line-items (the body is the line): it may not claim a lot, nor one already in the cart. */
export async function guardAddedItems(req: Req, _res: MedusaResponse, next: MedusaNextFunction) {
  const items = objectsIn(bodyOf(req))
  const cart = items.some(isLotLine) ? await cartOf(req) : null
  if (!cart) {
    return next()
  }
  const inCart = new Set(cart.items.map((i) => i.metadata?.[LOT_LINE_KEYS.offer]).filter(Boolean))
  if (items.some((i) => inCart.has(i.metadata?.[LOT_LINE_KEYS.offer]))) {
    throw lotLineLocked("This lot is already in the cart.")
  }
  await assertLotLines(req.scope, items, { customer_id: cart.customer_id, cart_id: cart.id, allow_unattached: true })
  next()
}

/** The line named by the path, if it is a lot line of the cart. */
async function lotLineOf(req: Req) {
  if (!EntityId.safeParse(req.params.line_id).success) {
    return null
  }
  const line = (await cartOf(req))?.items.find((i) => i.id === req.params.line_id)
  return line && isLotLine(line) ? line : null
}

/** POST /store/carts/:id/line-items/:line_id: quantity (0 removes) and metadata of a lot line are fixed. */
export async function guardLineUpdate(req: Req, _res: MedusaResponse, next: MedusaNextFunction) {
  if (await lotLineOf(req)) {
    throw lotLineLocked("A won lot's quantity and price are fixed.")
  }
  next()
}

/**
 * DELETE /store/carts/:id/line-items/:line_id: a won lot cannot be dropped from its cart (the
 * buyer committed to it; an unpaid lot lapses at its deadline).
 */
export async function refuseLotLineRemoval(req: Req, _res: MedusaResponse, next: MedusaNextFunction) {
  if (await lotLineOf(req)) {
    throw lotLineLocked("A won lot cannot be removed from its cart.")
  }
  next()
}

/**
 * POST /store/carts/:id: a new region deletes every custom-price line (Medusa's updateCartWorkflow:
 * the currency may change), so a cart with a won lot stays in the lot's region.
 */
export async function guardCartRegion(req: Req, _res: MedusaResponse, next: MedusaNextFunction) {
  const { region_id } = bodyOf(req)
  if (region_id == null) {
    return next()
  }
  const cart = await cartOf(req)
  if (hasLotLines(cart) && cart.region_id !== region_id) {
    throw lotLineLocked("A cart with a won lot stays in the lot's region.")
  }
  next()
}

/**
 * POST /store/carts/:id/customer: Medusa hands any cart to the logged-in customer; a cart with a
 * won lot stays with its buyer.
 */
export async function guardCartTransfer(req: Req, _res: MedusaResponse, next: MedusaNextFunction) {
  const cart = await cartOf(req)
  if (hasLotLines(cart) && cart.customer_id !== req.auth_context?.actor_id) {
    throw lotNotWon("A cart with a won lot belongs to the lot's buyer.")
  }
  next()
}
