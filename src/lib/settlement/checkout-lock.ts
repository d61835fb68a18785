import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** How long a checkout or a lapse waits for the other (seconds), as Medusa's cart completion does. */
const WAIT_SECONDS = 30

/**
 * The plugin's own lock on paying for a cart with lots in it. A checkout holds it from the check
 * of its lot lines until the order exists (or the charge failed); the settlement job holds it
 * while it lapses an offer. So a buyer paying at the deadline either checks out with an open
 * offer or finds it lapsed, never both: a check outside Medusa's completion could otherwise pass
 * just before the lapse and the order follow just after (docs/decisions.md).
 */
export function withCheckoutLock<T>(container: MedusaContainer, cartId: string, job: () => Promise<T>): Promise<T> {
  return container.resolve(Modules.LOCKING).execute(checkoutLockKey(cartId), job, { timeout: WAIT_SECONDS })
}

/** The checkout lock's key, for workflows that take it with Medusa's lock steps. */
export const checkoutLockKey = (cartId: string) => `live-checkout:${cartId}`
