import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { STREAMS_MODULE } from "../../src/modules/streams"
import type StreamsModuleService from "../../src/modules/streams/service"
import { createAuctionsWorkflow } from "../../src/workflows/auctions/workflows"
import { createSellerWorkflow, createShowsWorkflow } from "../../src/workflows/streams/workflows"
import { DEMO_CURRENCY, DEMO_SELLER, DEMO_SELLER_LINEUP, DEMO_SELLER_SHOW_TITLE } from "./demo-data"

/**
 * The demo seller: an admin user with a profile, and a scheduled show with four draft lots.
 * Each part is found before it is made, so this runs on every start: a shop seeded before
 * sellers existed gets one, and a second run changes nothing.
 */
export async function ensureDemoSeller(container: MedusaContainer) {
  const userId = await ensureSellerUser(container)
  const streams: StreamsModuleService = container.resolve(STREAMS_MODULE)
  const [profile] = await streams.listSellers({ user_id: userId })
  if (!profile) {
    const { email: _e, password: _p, ...settings } = DEMO_SELLER
    await createSellerWorkflow(container).run({ input: { user_id: userId, ...settings } })
  }
  const [show] = await streams.listShows({ seller_id: userId, title: DEMO_SELLER_SHOW_TITLE })
  if (!show) {
    await createLineupShow(container, userId)
  }
}

async function ensureSellerUser(container: MedusaContainer): Promise<string> {
  const [user] = await container.resolve(Modules.USER).listUsers({ email: DEMO_SELLER.email })
  if (user) {
    return user.id
  }
  const registered = await container.resolve(Modules.AUTH).register("emailpass", {
    body: { email: DEMO_SELLER.email, password: DEMO_SELLER.password },
  })
  if (!registered.success || !registered.authIdentity) {
    throw new Error(`seed: could not register the demo seller: ${registered.error}`)
  }
  const { result } = await createUserAccountWorkflow(container).run({
    input: { authIdentityId: registered.authIdentity.id, userData: { email: DEMO_SELLER.email, first_name: "Demo", last_name: "Seller" } },
  })
  return result.id
}

async function createLineupShow(container: MedusaContainer, sellerId: string) {
  const { result: shows } = await createShowsWorkflow(container).run({
    input: [
      {
        title: DEMO_SELLER_SHOW_TITLE,
        description: "Log in as the demo seller, go live, and start the lots one after another.",
        seller_id: sellerId,
        scheduled_at: new Date(Date.now() + 48 * 3600_000),
      },
    ],
  })
  const { data: products } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product",
    fields: ["handle", "title", "variants.id"],
    filters: { handle: DEMO_SELLER_LINEUP.map((l) => l.handle) },
  })
  const lots = DEMO_SELLER_LINEUP.flatMap((lot) => {
    const product = products.find((p: { handle: string }) => p.handle === lot.handle)
    return product
      ? [
          {
            title: product.title as string,
            product_variant_id: product.variants[0].id as string,
            show_id: shows[0].id,
            seller_id: sellerId,
            currency_code: DEMO_CURRENCY,
            starting_price: lot.starting_price,
            duration_seconds: 30,
            soft_close_seconds: 10,
            soft_close_mode: "reset",
            status: "draft",
          },
        ]
      : []
  })
  await createAuctionsWorkflow(container).run({ input: lots })
}
