import type { LoaderOptions } from "@medusajs/framework/types"
import { parseLiveCommerceOptions } from "../../../lib/options"

/**
 * Loaders run at boot and during `db:migrate`, services only when first used:
 * validating here makes a bad option stop the app before it serves anything.
 */
export default async function validateOptionsLoader({ options }: LoaderOptions) {
  parseLiveCommerceOptions(options)
}
