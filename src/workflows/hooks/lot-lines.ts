import {
  addToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  updateLineItemInCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { assertLotLines, isLotLine, lotLineLocked, LOT_LINE_KEYS } from "../../lib/settlement/lot-lines"

type CartLike = { customer_id?: string | null; customer?: { id?: string } | null }
const customerOf = (cart: CartLike) => cart.customer_id ?? cart.customer?.id ?? null

/*
 * A won lot's cart line is made by the settlement workflow only, at the offer's price, and
 * cannot be edited. The Store API cannot set prices, so these hooks refuse anything else that
 * claims to be a lot line, and any change to one.
 */

createCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  await assertLotLines(container, cart.items ?? [], { customer_id: customerOf(cart), cart_id: null })
})

addToCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const items = input.items ?? []
  if (!items.some(isLotLine)) {
    return
  }
  await assertLotLines(container, items, { customer_id: customerOf(cart), cart_id: cart.id, allow_unattached: true })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["items.metadata"], filters: { id: cart.id } })
  const inCart = new Set(
    (data[0]?.items ?? []).map((i: { metadata?: Record<string, unknown> | null } | null) => i?.metadata?.[LOT_LINE_KEYS.offer])
  )
  if (items.some((i) => isLotLine(i) && inCart.has(i.metadata?.[LOT_LINE_KEYS.offer]))) {
    throw lotLineLocked("This lot is already in the cart.")
  }
})

updateLineItemInCartWorkflow.hooks.validate(async ({ input, cart }) => {
  const line = (cart.items ?? []).find((i: { id: string }) => i.id === input.item_id)
  if (line && isLotLine(line)) {
    throw lotLineLocked("A won lot's quantity and price are fixed.")
  }
})

completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  await assertLotLines(container, cart.items ?? [], {
    customer_id: customerOf(cart),
    cart_id: cart.id,
    allow_paid: true,
  })
})
