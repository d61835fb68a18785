import type { MedusaContainer } from "@medusajs/framework/types"
import { ensureLiveLoops } from "../lib/live-loops"

/**
 * Starts the plugin's in-process loops (the auctions clock, the outbox relay, settlement) in a
 * worker on its first run; later runs find them running. The loops, not this schedule, do the
 * work: a schedule kept in Redis can vanish with it (see lib/live-loops.ts).
 */
export default async function liveLoops(container: MedusaContainer) {
  ensureLiveLoops(container)
}

export const config = {
  name: "live-commerce-loops",
  schedule: { interval: 1000 },
}
