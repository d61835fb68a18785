import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { withCheckoutLock } from "../../../lib/settlement/checkout-lock"
import { assertCartLotLines, cartWithLines, isLotLine } from "../../../lib/settlement/lot-lines"
import { EntityId } from "../../utils/validators"

/**
 * POST /store/carts/:id/complete: a cart with lots becomes an order only while each lot line is its
 * buyer's open offer, in this cart, at its price (`lot_not_won`, `lot_line_locked`). The check and
 * the completion after it (Medusa's route, run by `next()`) hold the plugin's checkout lock, so the
 * settlement job cannot lapse an offer between them.
 */
export async function guardLotCheckout(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const cartId = req.params.id
  const cart = EntityId.safeParse(cartId).success ? await cartWithLines(req.scope, cartId) : null
  if (!cart?.items.some(isLotLine)) {
    // No lot to guard (a lot line only arrives through settlement, as an open offer of this cart).
    return next()
  }
  let checked = false
  try {
    await withCheckoutLock(req.scope, cartId, async () => {
      // Read again under the lock: a lapse may have just taken a line out, or a bundle added one.
      await assertCartLotLines(req.scope, (await cartWithLines(req.scope, cartId))!)
      checked = true
      await new Promise<void>((resolve) => {
        res.once("close", resolve)
        next()
      })
    })
  } catch (err) {
    if (!checked) {
      throw err
    }
    // The answer is sent already; only releasing the lock failed (it expires on its own).
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`live-commerce: checkout lock of cart ${cartId}: ${(err as Error).message}`)
  }
}
