import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/** A route's fields, as Medusa's `query-config.ts` declares them. */
export type FieldsConfig = {
  /** What a request without `?fields=` gets (what `+field` adds to, `-field` removes from). */
  defaults: string[]
  /** Everything `?fields=` may name: a field or a whole relation (`*product_variant`) must be listed as-is. */
  allowed: string[]
  isList?: boolean
}

/** The fields `?fields=` names, without Medusa's modifiers (`+a`, `-a`, `*rel`, `rel.*`), removals left out. */
export function requestedFields(fields: unknown): string[] {
  const text = Array.isArray(fields) ? fields.join(",") : typeof fields === "string" ? fields : ""
  return text
    .split(",")
    .map((f) => f.trim())
    .filter((f) => f && !f.startsWith("-"))
    .map((f) => f.replace(/^\+/, "").replace(/^\*/, "").replace(/\.\*$/, ""))
}

/**
 * Refuses `?fields=` naming a field the route does not offer, with a 400 saying which. Medusa 2.21
 * drops such fields silently (checked on its own routes); a storefront asking for `titel` is
 * better told than given a lot without its title.
 */
export function refuseUnknownFields(config: FieldsConfig) {
  const allowed = new Set(config.allowed)
  return function refuseUnknownFields(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    const unknown = requestedFields(req.query.fields).filter((f) => f !== "id" && !allowed.has(f))
    if (unknown.length) {
      return next(
        new MedusaError(MedusaError.Types.INVALID_DATA, `Requested fields [${unknown.join(", ")}] are not valid for this route`)
      )
    }
    next()
  }
}

/**
 * Refuses query keys nested more than two levels (`?a.b.c=1`): Medusa's query parsing throws an
 * error that becomes a 500; it is the client's mistake, a 400.
 */
export function refuseDeepQueryKeys(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const deep = Object.keys(req.query).find((key) => key.split(".").length > 2)
  if (deep) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Query parameter ${deep.slice(0, 100)} is nested too deeply`))
  }
  next()
}
