import path from "node:path"
import { parseLiveCommerceOptions } from "../../src/lib/options"

type ModuleEntry = { resolve?: string; options?: unknown }

/**
 * Validates the plugin options medusa-config.ts builds from the environment,
 * before anything starts, so a bad variable costs one line and no waiting.
 */
export function checkPluginOptions(root: string): void {
  const config = require(path.join(root, "medusa-config.ts"))
  const modules: ModuleEntry[] = Array.isArray(config.modules)
    ? config.modules
    : Object.values(config.modules ?? {})
  for (const entry of modules) {
    if (entry.resolve?.startsWith("./src/modules/")) {
      parseLiveCommerceOptions(entry.options)
    }
  }
}
