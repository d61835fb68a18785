import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"

/** Every /store route needs one: makes a publishable key and returns its header. */
export async function createPublishableKeyHeader(container: MedusaContainer) {
  const { result } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Test storefront", type: "publishable", created_by: "" }] },
  })
  return { "x-publishable-api-key": result[0].token }
}
