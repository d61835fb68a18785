import { z } from "@medusajs/framework/zod"
import { hasCentPrecision } from "../../modules/auctions/utils/money"

/*
 * Building blocks for the plugin's request validators. Each one refuses, with a 400, what the
 * database cannot store (a NUL character in text or JSON, a date outside PostgreSQL's range) and
 * what JSON can only carry by accident (a boolean or an array where a date belongs), so bad input
 * never reaches SQL and never becomes a 500.
 */

const NUL = "\u0000"
const noNul = { message: "must not contain NUL characters" }

/** Text as PostgreSQL can keep it: no NUL character, at most `max` characters. */
export const Text = (max: number) => z.string().max(max).refine((s) => !s.includes(NUL), noNul)

/** Required text: trimmed, at least one character. */
export const Title = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !s.includes(NUL), noNul)

/** An http(s) URL (a playback page, an image), without NUL characters. */
export const WebUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine((s) => !s.includes(NUL), noNul)

/** A Medusa id (`auc_01J…`, `cus_01J…`, `pp_system_default`): letters, digits, `_` and `-`. */
export const EntityId = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "must be an id (letters, digits, _ and -)")

/** Path parameters `:id` (and the like) of a route. */
export const IdParams = <K extends string>(...names: K[]) =>
  z.object(Object.fromEntries(names.map((n) => [n, EntityId])) as Record<K, typeof EntityId>).strict()

// Dates people schedule things on; well inside PostgreSQL's range (4713 BC to 294276 AD).
const EARLIEST = Date.UTC(2000, 0, 1)
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59)

/**
 * An instant as an ISO 8601 string with its time zone (`2026-12-01T18:00:00Z`,
 * `2026-12-01T19:00:00+01:00`), in years 2000–9999. Numbers, booleans and arrays are refused
 * (coercing them gave 1970 dates, and `-8.64e15` a date PostgreSQL cannot store).
 */
export const DateTime = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s))
  .refine((d) => d.getTime() >= EARLIEST && d.getTime() <= LATEST, { message: "must be between the years 2000 and 9999" })

// A minute's grace for a client whose clock runs a little behind the server's.
const SKEW_MS = 60_000

/** A `DateTime` that is not in the past: a start time or an expiry. */
export const FutureDateTime = DateTime.refine((d) => d.getTime() > Date.now() - SKEW_MS, { message: "must be in the future" })

/** A price in the currency's main unit: positive, at most two decimals (the lot's currency is checked later). */
export const Money = z
  .number()
  .positive()
  .max(1_000_000_000)
  .refine(hasCentPrecision, { message: "must have at most 2 decimals" })

const containsNul = (value: unknown): boolean => {
  if (typeof value === "string") {
    return value.includes(NUL)
  }
  if (Array.isArray(value)) {
    return value.some(containsNul)
  }
  if (value && typeof value === "object") {
    return Object.entries(value).some(([k, v]) => k.includes(NUL) || containsNul(v))
  }
  return false
}

const METADATA_MAX_BYTES = 16 * 1024

/** Free-form metadata (Medusa's `metadata`): a JSON object of at most 16 KB, without NUL characters. */
export const Metadata = z
  .record(z.string().max(200), z.unknown())
  .refine((m) => !containsNul(m), noNul)
  .refine((m) => Buffer.byteLength(JSON.stringify(m)) <= METADATA_MAX_BYTES, {
    message: `must be at most ${METADATA_MAX_BYTES / 1024} KB of JSON`,
  })

/**
 * `?fields=` as on Medusa's own routes: `fields=id,title` (only those), `fields=+product_variant.title`
 * (the defaults and more), `fields=-description` (the defaults but one), `*relation` (all of it).
 * Which fields a route offers is its query-config.ts.
 */
export const Fields = { fields: Text(4000).optional() }

/** `limit` and `offset` query parameters. */
export function pagination(defaultLimit: number, maxLimit: number) {
  return {
    limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  }
}

/** A query parameter given once (`?status=live`) or repeated (`?status=live&status=sold`), as a list. */
export function oneOrMany<T extends z.ZodType>(schema: T) {
  return z.union([schema, z.array(schema).max(20)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[])
}

/** Routes that take no body (an action such as `/start`): anything in it is a mistake worth a 400. */
export const EmptyBody = z.object({}).strict()

/** Routes that take no query parameters: an unknown one is a mistake worth a 400. */
export const NoQuery = z.object({}).strict()

/** A get route's query: `?fields=` only. */
export const FieldsQuery = z.object(Fields).strict()
