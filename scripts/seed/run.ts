import type { ExecArgs } from "@medusajs/framework/types"
import { seedDemo } from "./seed-demo"

/** `medusa exec ./scripts/seed/run.ts`: seeds once, then prints one machine-readable line. */
export default async function run({ container }: ExecArgs) {
  const summary = await seedDemo(container)
  console.log(`LIVE_DEMO_SEED ${JSON.stringify(summary)}`)
}
