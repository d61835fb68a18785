import {
  createApiKeysWorkflow,
  createCustomerAccountWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStoresWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  createUserAccountWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
  uploadFilesWorkflow,
} from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  DEMO_ADMIN,
  DEMO_API_KEY_TITLE,
  DEMO_CATEGORIES,
  DEMO_COUNTRIES,
  DEMO_CURRENCY,
  DEMO_CUSTOMER,
  DEMO_PRODUCTS,
  DEMO_SALES_CHANNEL,
  DEMO_SELLER,
  DEMO_SHOW_TITLE,
  placeholderImage,
} from "./demo-data"
import { createShowsWorkflow } from "../../src/workflows/streams/workflows"
import { ensureDemoSeller } from "./demo-seller"

export type DemoSummary = {
  /** False when the demo data was already there (a restart). */
  created: boolean
  publishable_key: string
  admin: { email: string; password: string }
  /** An admin user with a seller profile (sees only their own shows and lots). */
  seller: { email: string; password: string }
  customer: { email: string; password: string }
}

/**
 * Seeds the demo shop once. Idempotent: the demo publishable key is the marker,
 * so a restart (or a second run) only reports what is there.
 */
export async function seedDemo(container: MedusaContainer): Promise<DemoSummary> {
  const existingKey = await findDemoPublishableKey(container)
  if (existingKey) {
    // A shop seeded before sellers existed gets its demo seller now (a no-op when it has one).
    await ensureDemoSeller(container)
    return summary(false, existingKey)
  }

  const salesChannel = await createSalesChannel(container)
  const region = await createRegion(container)
  await createShipping(container, salesChannel.id, region.id)
  const categoryIds = await createCategories(container)
  await createProducts(container, salesChannel.id, categoryIds)
  const sellerId = await createAccounts(container)
  await createDemoShow(container, sellerId)
  await ensureDemoSeller(container)
  // The key goes last: its existence marks a complete seed.
  const token = await createPublishableKey(container, salesChannel.id)
  return summary(true, token)
}

function summary(created: boolean, publishableKey: string): DemoSummary {
  return {
    created,
    publishable_key: publishableKey,
    admin: { ...DEMO_ADMIN },
    seller: { email: DEMO_SELLER.email, password: DEMO_SELLER.password },
    customer: { email: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password },
  }
}

async function findDemoPublishableKey(container: MedusaContainer): Promise<string | null> {
  const apiKeys = container.resolve(Modules.API_KEY)
  const [key] = await apiKeys.listApiKeys({ title: DEMO_API_KEY_TITLE, type: "publishable" })
  return key?.token ?? null
}

async function createSalesChannel(container: MedusaContainer) {
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: DEMO_SALES_CHANNEL, description: "Live shows and auctions" }] },
  })
  const store = await findOrCreateStore(container)
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Live Commerce Demo",
        supported_currencies: [{ currency_code: DEMO_CURRENCY, is_default: true }],
        default_sales_channel_id: result[0].id,
      },
    },
  })
  return result[0]
}

/** `medusa db:migrate` makes the store; a bare database (tests) may not have one yet. */
async function findOrCreateStore(container: MedusaContainer) {
  const [store] = await container.resolve(Modules.STORE).listStores()
  if (store) {
    return store
  }
  const { result } = await createStoresWorkflow(container).run({
    input: { stores: [{ name: "Live Commerce Demo", supported_currencies: [{ currency_code: DEMO_CURRENCY, is_default: true }] }] },
  })
  return result[0]
}

async function findOrCreateDefaultShippingProfile(container: MedusaContainer) {
  const [profile] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" })
  if (profile) {
    return profile
  }
  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
  })
  return result[0]
}

async function createRegion(container: MedusaContainer) {
  const { result } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: "North America",
          currency_code: DEMO_CURRENCY,
          countries: DEMO_COUNTRIES,
          // Stripe too when it is configured (medusa-config.ts registers it with STRIPE_API_KEY).
          payment_providers: ["pp_system_default", ...(process.env.STRIPE_API_KEY ? ["pp_stripe_stripe"] : [])],
        },
      ],
    },
  })
  // Won lots' carts go to the store's default region (see src/workflows/settlement).
  const store = await findOrCreateStore(container)
  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { default_region_id: result[0].id } },
  })
  await createTaxRegionsWorkflow(container).run({
    input: DEMO_COUNTRIES.map((country_code) => ({ country_code, provider_id: "tp_system" })),
  })
  return result[0]
}

async function createShipping(container: MedusaContainer, salesChannelId: string, regionId: string) {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const link = container.resolve(ContainerRegistrationKeys.LINK)

  const profile = await findOrCreateDefaultShippingProfile(container)
  const { result: locations } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Demo Warehouse", address: { city: "Austin", country_code: "US", address_1: "" } }] },
  })
  const location = locations[0]

  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })
  const fulfillmentSet = await fulfillment.createFulfillmentSets({
    name: "Demo Warehouse delivery",
    type: "shipping",
    service_zones: [
      {
        name: "North America",
        geo_zones: DEMO_COUNTRIES.map((country_code) => ({ country_code, type: "country" as const })),
      },
    ],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: location.id, add: [salesChannelId] },
  })

  await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Standard Shipping",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: profile.id,
        type: { label: "Standard", description: "Ships in 2-3 days.", code: "standard" },
        prices: [
          { currency_code: DEMO_CURRENCY, amount: 8 },
          { region_id: regionId, amount: 8 },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })
}

async function createCategories(container: MedusaContainer): Promise<Record<string, string>> {
  const { result } = await createProductCategoriesWorkflow(container).run({
    input: { product_categories: DEMO_CATEGORIES.map((name) => ({ name, is_active: true })) },
  })
  return Object.fromEntries(result.map((category) => [category.name, category.id]))
}

async function createProducts(
  container: MedusaContainer,
  salesChannelId: string,
  categoryIds: Record<string, string>
) {
  const { result: files } = await uploadFilesWorkflow(container).run({
    input: {
      files: DEMO_PRODUCTS.map((product) => ({
        filename: `${product.handle}.svg`,
        mimeType: "image/svg+xml",
        content: Buffer.from(placeholderImage(product)).toString("base64"),
        access: "public" as const,
      })),
    },
  })

  await createProductsWorkflow(container).run({
    input: {
      products: DEMO_PRODUCTS.map((product, index) => ({
        title: product.title,
        handle: product.handle,
        description: product.description,
        status: ProductStatus.PUBLISHED,
        category_ids: [categoryIds[product.category]],
        thumbnail: files[index].url,
        images: [{ url: files[index].url }],
        options: [{ title: "Condition", values: ["As pictured"] }],
        variants: [
          {
            title: "As pictured",
            sku: product.handle.toUpperCase(),
            options: { Condition: "As pictured" },
            // One-of-a-kind lots: stock is the lot itself, not a warehouse count.
            manage_inventory: false,
            prices: [{ amount: product.price, currency_code: DEMO_CURRENCY }],
          },
        ],
        sales_channels: [{ id: salesChannelId }],
      })),
    },
  })
}

async function createAccounts(container: MedusaContainer) {
  const auth = container.resolve(Modules.AUTH)

  const admin = await auth.register("emailpass", {
    body: { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password },
  })
  if (!admin.success || !admin.authIdentity) {
    throw new Error(`seed: could not register the demo admin: ${admin.error}`)
  }
  const { result: user } = await createUserAccountWorkflow(container).run({
    input: { authIdentityId: admin.authIdentity.id, userData: { email: DEMO_ADMIN.email } },
  })

  const buyer = await auth.register("emailpass", {
    body: { email: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password },
  })
  if (!buyer.success || !buyer.authIdentity) {
    throw new Error(`seed: could not register the demo customer: ${buyer.error}`)
  }
  await createCustomerAccountWorkflow(container).run({
    input: {
      authIdentityId: buyer.authIdentity.id,
      customerData: {
        email: DEMO_CUSTOMER.email,
        first_name: DEMO_CUSTOMER.first_name,
        last_name: DEMO_CUSTOMER.last_name,
      },
    },
  })
  return user.id
}

/** A show run by the demo admin, scheduled for tomorrow, for lots to be added to. */
async function createDemoShow(container: MedusaContainer, sellerId: string) {
  await createShowsWorkflow(container).run({
    input: [
      {
        title: DEMO_SHOW_TITLE,
        description: "Four lots lined up: open Live shows in the Admin, go live, start the next lot, and bid on the viewer page.",
        seller_id: sellerId,
        scheduled_at: new Date(Date.now() + 24 * 3600_000),
      },
    ],
  })
}

async function createPublishableKey(container: MedusaContainer, salesChannelId: string) {
  const { result } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: DEMO_API_KEY_TITLE, type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: result[0].id, add: [salesChannelId] },
  })
  return result[0].token
}
