import type { MedusaContainer } from "@medusajs/framework/types"

/** Filled in below (Stripe off-session charges). */
export async function chargeSavedPaymentMethods(_container: MedusaContainer): Promise<void> {}
