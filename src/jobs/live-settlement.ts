import type { MedusaContainer } from "@medusajs/framework/types"
import { runSettlement } from "../lib/settlement/run-settlement"

/**
 * Every 2 s: the settlement pass (lib/settlement/run-settlement.ts). Sales are settled at once
 * by the close subscriber; this is what enforces deadlines and catches anything missed.
 */
export default async function liveSettlement(container: MedusaContainer) {
  await runSettlement(container)
}

export const config = {
  name: "live-settlement",
  schedule: { interval: 2000 },
}
