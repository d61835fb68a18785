import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import jwt from "jsonwebtoken"
import { createPublishableKeyHeader } from "./publishable-key"

type Api = { post: (url: string, body?: unknown, config?: unknown) => Promise<{ data: any }> }

function jwtSecret(container: MedusaContainer): string {
  return container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.jwtSecret as string
}

/** Staff: a real user who logs in through /auth/user/emailpass. */
export async function adminHeaders(container: MedusaContainer, api: Api) {
  return (await adminUser(container, api)).headers
}

/** An admin user, logged in: their id and headers. */
export async function adminUser(container: MedusaContainer, api: Api) {
  const email = `admin-${Math.random().toString(36).slice(2)}@test.local`
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity } = await auth.register("emailpass", { body: { email, password: "secret-password" } })
  const { result } = await createUserAccountWorkflow(container).run({ input: { authIdentityId: authIdentity!.id, userData: { email } } })
  const { data } = await api.post("/auth/user/emailpass", { email, password: "secret-password" })
  return { user_id: result.id, headers: { authorization: `Bearer ${data.token}` } }
}

export type Seller = { user_id: string; seller_id: string; handle: string; headers: Record<string, string> }

/** A seller: an admin user with a seller profile, made by staff through the Admin API. */
export async function createSeller(container: MedusaContainer, api: Api, staff: Record<string, string>): Promise<Seller> {
  const user = await adminUser(container, api)
  const handle = `seller-${Math.random().toString(36).slice(2, 10)}`
  const { data } = await api.post("/admin/sellers", { user_id: user.user_id, handle, display_name: `Seller ${handle}` }, { headers: staff })
  return { ...user, seller_id: data.seller.id, handle }
}

export type Buyer = { id: string; token: string; headers: Record<string, string> }

/**
 * Customers for bidding. Made through the customer module with tokens signed by the app's
 * JWT secret, as /auth/customer/emailpass would sign them (fast enough for 50 bidders).
 */
export async function createBuyers(container: MedusaContainer, count: number, storeHeaders?: Record<string, string>) {
  const pk = storeHeaders ?? (await createPublishableKeyHeader(container))
  const customers = await container.resolve(Modules.CUSTOMER).createCustomers(
    Array.from({ length: count }, (_, i) => ({ email: `buyer-${i}-${Math.random().toString(36).slice(2)}@test.local` }))
  )
  const secret = jwtSecret(container)
  return customers.map((c): Buyer => {
    const token = jwt.sign(
      { actor_id: c.id, actor_type: "customer", auth_identity_id: "", app_metadata: { customer_id: c.id } },
      secret,
      { expiresIn: "1h" }
    )
    return { id: c.id, token, headers: { ...pk, authorization: `Bearer ${token}` } }
  })
}

/** A product with one variant, straight through the product module (a lot's catalog item). */
export async function createVariant(container: MedusaContainer, title = "Charizard holo") {
  const [product] = await container.resolve(Modules.PRODUCT).createProducts([
    {
      title,
      handle: `lot-${Math.random().toString(36).slice(2)}`,
      options: [{ title: "Grade", values: ["PSA 9"] }],
      variants: [{ title: "PSA 9", options: { Grade: "PSA 9" } }],
    },
  ])
  return { product_id: product.id, variant_id: product.variants[0].id }
}
