import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"

/**
 * Checks a route's path parameters (Medusa validates bodies and queries, not `:id`): an id that
 * cannot exist (a NUL byte, 10,000 characters) is a 400 before anything reaches SQL.
 */
export function validateParams(schema: z.ZodType) {
  return function validateParams(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    const parsed = schema.safeParse(req.params)
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join(".") || "path"}: ${i.message}`).join("; ")
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${detail}`))
    }
    next()
  }
}
