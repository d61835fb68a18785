/*
 * Hostile inputs generated from a route's own zod validators: for every field, values of the
 * wrong JSON type and values of the right type that no database should be handed (NUL bytes,
 * dates outside PostgreSQL's range, numbers past any limit). Every one of them is invalid for
 * the field, whatever else the field allows, so a route must refuse each with a 4xx.
 */

type Def = {
  type: string
  format?: string
  coerce?: boolean
  innerType?: Schema
  in?: Schema
  options?: Schema[]
  shape?: Record<string, Schema>
  checks?: Schema[]
}
type Schema = { _zod: { def: Def } }

const def = (schema: unknown) => (schema as Schema)._zod.def

/** The field's own type under optional/nullable/default wrappers and transforms. */
function core(schema: unknown): Def {
  let d = def(schema)
  for (;;) {
    if (d.innerType && ["optional", "nullable", "default", "readonly", "catch", "prefault", "nonoptional"].includes(d.type)) {
      d = def(d.innerType)
    } else if (d.type === "pipe" && d.in) {
      d = def(d.in)
    } else {
      return d
    }
  }
}

/** The object shape of a validator (through refinements and transforms), or null if it is not an object. */
export function shapeOf(schema: unknown): Record<string, unknown> | null {
  const d = core(schema)
  return d.type === "object" ? (d.shape ?? {}) : null
}

const NUL = "\u0000"
const HUGE = "x".repeat(100_000)
const WRONG_FOR_STRING = [42, true, [], {}]
const FAR_DATES = [-8.64e15, 8.64e15, true, [0], "-271821-04-20T00:00:00.000Z", "+275760-09-13T00:00:00.000Z", "2026-02-30T00:00:00Z", "soon", NUL]

function jsonValuesFor(d: Def): unknown[] {
  switch (d.type) {
    case "string":
      if (d.format === "datetime") {
        return FAR_DATES
      }
      return [NUL, `ok${NUL}ok`, HUGE, ...WRONG_FOR_STRING]
    case "date":
      return FAR_DATES
    case "number":
      return ["12", 1e308, -1e308, true, [], {}, NUL, ...(d.format?.includes("int") ? [1.5] : [])]
    case "boolean":
      return ["true", 1, NUL, [], {}]
    case "enum":
      return ["not-an-option", NUL, 1, [], {}]
    case "literal":
      return [NUL, "not-the-value", {}]
    case "record":
    case "object":
      return [NUL, [], 1, { [`key${NUL}`]: 1 }, { key: NUL }, { key: { deeper: [NUL] } }, { big: HUGE }]
    case "array":
      return [NUL, {}, 1, [NUL], Array.from({ length: 10_000 }, () => 0)]
    case "union": {
      // Every option's wrong values that are wrong for all options (e.g. 0 or money: no strings).
      const kinds = (d.options ?? []).map(core).map((o) => o.type)
      return kinds.every((k) => k === "number" || k === "literal") ? ["12", 1e308, -1e308, true, NUL, []] : [NUL, {}, HUGE]
    }
    default:
      return [NUL, HUGE]
  }
}

/** A string a pattern constrains (an id, a handle); free text (a search term) may hold spaces and dots. */
const isFreeText = (d: Def) => d.type === "string" && !(d.checks ?? []).some((c) => def(c).format === "regex")

/** Query strings carry text only: hostile texts per field type, plus a repeated parameter. */
function queryValuesFor(d: Def): (string | string[])[] {
  const common = [NUL, "x".repeat(5_000)]
  switch (d.type) {
    case "number":
      return [...common, "-1", "1e308", "abc", "1.5"]
    case "enum":
      return [...common, "not-an-option"]
    case "union":
      return [...common, "not-an-option", Array.from({ length: 50 }, () => "live")]
    default:
      return isFreeText(d) ? [...common, ["a", "b"]] : [...common, "a b", "../..", ["a", "b"]]
  }
}

export type Variant = { what: string; value: unknown }

/** Bodies to send instead of a well-formed one: each field made hostile, then the body as a whole. */
export function hostileBodies(schema: unknown, sample: Record<string, unknown> = {}): Variant[] {
  const shape = shapeOf(schema) ?? {}
  const perField = Object.entries(shape).flatMap(([field, fieldSchema]) =>
    jsonValuesFor(core(fieldSchema)).map((value) => ({
      what: `body.${field} = ${describe(value)}`,
      value: { ...sample, [field]: value },
    }))
  )
  return [
    ...perField,
    { what: "an unknown field", value: { ...sample, not_a_field: 1 } },
    { what: "a NUL in an unknown field's name", value: { ...sample, [`x${NUL}`]: 1 } },
    { what: "an array body", value: [sample] },
    { what: "a string body", value: "hello" },
    { what: "a number body", value: 12 },
    { what: "a deeply nested body", value: nest(1_000) },
    { what: "a 2 MB body", value: { ...sample, padding: "x".repeat(2_000_000) } },
  ]
}

/** Query strings: each parameter made hostile, plus one the route does not know. */
export function hostileQueries(schema: unknown, sample: Record<string, string | string[]> = {}): Variant[] {
  const shape = shapeOf(schema) ?? {}
  const perParam = Object.entries(shape).flatMap(([name, paramSchema]) =>
    queryValuesFor(core(paramSchema)).map((value) => ({ what: `?${name}=${describe(value)}`, value: { ...sample, [name]: value } }))
  )
  return [
    ...perParam,
    { what: "an unknown parameter", value: { ...sample, not_a_param: "1" } },
    { what: "a parameter nested three levels deep", value: { ...sample, "a.b.c": "1" } },
    { what: "?fields= naming what the route does not offer", value: { ...sample, fields: "id,not_a_field" } },
  ]
}

/** Path parameters that cannot name anything, and one well-formed id of nothing. */
export function hostileParams(names: string[], sample: Record<string, string>): Variant[] {
  return names.flatMap((name) =>
    [NUL, `id${NUL}`, "x".repeat(300), "a b", "..", "ünïcode", "id_doesnotexist0000000000"].map((value) => ({
      what: `:${name} = ${describe(value)}`,
      value: { ...sample, [name]: value },
    }))
  )
}


function nest(depth: number): unknown {
  let value: unknown = {}
  for (let i = 0; i < depth; i++) {
    value = { a: value }
  }
  return value
}

function describe(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 20)}… (${text.length} chars)` : text
}
