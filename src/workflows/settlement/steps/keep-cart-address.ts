import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const keepCartAddressStepId = "live-keep-cart-address-step"

/**
 * This step notes that the charge is about to give a cart the buyer's default address. Medusa's
 * `updateCartWorkflow` leaves an address it set on the cart when a later step fails, so this
 * step's compensation takes it off again (and deletes it): the buyer finds the cart as they left it.
 */
export const keepCartAddressStep = createStep(
  keepCartAddressStepId,
  async ({ cart_id }: { cart_id: string }) => new StepResponse(null, cart_id),
  async (cartId, { container }) => {
    if (!cartId) {
      return
    }
    const carts = container.resolve(Modules.CART)
    const [cart] = await carts.listCarts({ id: cartId }, { relations: ["shipping_address"] })
    const addressId = cart?.shipping_address?.id
    if (!addressId || cart.completed_at) {
      return
    }
    await carts.updateCarts(cartId, { shipping_address_id: null })
    await carts.deleteAddresses([addressId])
  }
)
