import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { defaultShippingAddress } from "../../../lib/settlement/address"
import { LOT_LINE_KEYS } from "../../../lib/settlement/lot-lines"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type AuctionsModuleService from "../../../modules/auctions/service"

export type LotCartPlan = {
  offer_id: string
  /** An open cart of the same buyer for the same show: the lot joins it (one shipment). */
  bundle_cart_id: string | null
  cart: {
    region_id: string
    sales_channel_id?: string
    customer_id: string
    email: string
    currency_code: string
    shipping_address?: Record<string, unknown>
    metadata: Record<string, unknown>
  }
  item: {
    variant_id?: string
    title?: string
    quantity: number
    unit_price: number
    requires_shipping?: boolean
    metadata: Record<string, unknown>
  }
}

/** Works out where a pending offer's lot goes: which region, channel and cart, as what line. */
export const prepareLotCartStepId = "live-prepare-lot-cart"
export const prepareLotCartStep = createStep(
  prepareLotCartStepId,
  async (input: { offer_id: string }, { container }) => {
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    const [offer] = await auctions.listLotOffers({ id: input.offer_id })
    if (!offer || offer.status !== "pending" || offer.cart_id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Offer ${input.offer_id} is not waiting for a cart.`)
    }
    const lot = await auctions.retrieveAuction(offer.auction_id)
    const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(offer.customer_id, {
      relations: ["addresses"],
    })
    const [store] = await container
      .resolve(Modules.STORE)
      .listStores({}, { select: ["default_region_id", "default_sales_channel_id"] })
    const regionId = await findRegion(container, lot.region_id, offer.currency_code, store)
    const salesChannelId = lot.sales_channel_id ?? store?.default_sales_channel_id ?? null
    const address = defaultShippingAddress(customer.addresses)

    const plan: LotCartPlan = {
      offer_id: offer.id,
      bundle_cart_id: await findBundleCart(container, offer, regionId),
      cart: {
        region_id: regionId,
        ...(salesChannelId ? { sales_channel_id: salesChannelId } : {}),
        customer_id: customer.id,
        email: customer.email,
        currency_code: offer.currency_code,
        ...(address ? { shipping_address: address } : {}),
        metadata: { live_show_id: offer.show_id },
      },
      item: {
        ...(lot.product_variant_id
          ? { variant_id: lot.product_variant_id }
          : // Medusa's shipping check reads item.variant.product of every line that requires
            // shipping and fails on a variant-less one: a custom lot ships with the cart's
            // shipping method but does not demand one (a catalog variant does, if it is stocked).
            { title: lot.title, requires_shipping: false }),
        quantity: 1,
        unit_price: Number(offer.amount),
        metadata: { [LOT_LINE_KEYS.auction]: lot.id, [LOT_LINE_KEYS.offer]: offer.id, run: offer.run },
      },
    }
    return new StepResponse(plan)
  }
)

/** The lot's region, else the store's default region, else any region in the lot's currency. */
async function findRegion(
  container: MedusaContainer,
  regionId: string | null,
  currency: string,
  store: { default_region_id?: string | null } | undefined
): Promise<string> {
  if (regionId) {
    return regionId
  }
  const regions = await container.resolve(Modules.REGION).listRegions({ currency_code: currency })
  const region = regions.find((r) => r.id === store?.default_region_id) ?? regions[0]
  if (!region) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No region sells in ${currency.toUpperCase()}: set the lot's region_id.`)
  }
  return region.id
}

async function findBundleCart(
  container: MedusaContainer,
  offer: { id: string; customer_id: string; show_id: string | null },
  regionId: string
): Promise<string | null> {
  if (!offer.show_id) {
    return null
  }
  const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
  const siblings = await auctions.listLotOffers({
    customer_id: offer.customer_id,
    show_id: offer.show_id,
    status: "pending",
  })
  const cartIds = siblings.map((o) => o.cart_id).filter((id): id is string => !!id)
  if (!cartIds.length) {
    return null
  }
  const carts = await container.resolve(Modules.CART).listCarts({ id: cartIds, region_id: regionId })
  // Completed carts are orders already: a new win starts a new cart.
  return carts.find((c) => !c.completed_at)?.id ?? null
}
