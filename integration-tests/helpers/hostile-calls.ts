import { z } from "zod"

/** One call to send: what it is, and the arguments before its ack. */
export type HostileCall = { name: string; args: unknown[] }

/**
 * Values no payload should trip over: wrong types, edges of numbers, NUL bytes, a string as
 * large as a frame may carry (`hugeLength`), arrays and objects where scalars belong.
 */
export function hostileValues(hugeLength: number): unknown[] {
  return [
    null,
    true,
    0,
    -1,
    1.5,
    -0.5,
    1e308,
    -1e308,
    2 ** 53 + 2,
    "",
    "x",
    "\u0000",
    "x".repeat(hugeLength),
    [],
    [null],
    [1, 2],
    {},
    { unknown: 1 },
  ]
}

/** Variants of a well-formed string: NUL bytes in it, a changed case, padding, a huge tail. */
function stringMutations(seed: string, hugeLength: number): string[] {
  const half = Math.floor(seed.length / 2)
  return [
    `${seed}\u0000`,
    `\u0000${seed}`,
    `${seed.slice(0, half)}\u0000${seed.slice(half)}`,
    seed.toUpperCase(),
    ` ${seed}`,
    `${seed}\n`,
    `${seed}:${seed}`,
    seed + "A".repeat(hugeLength),
  ]
}

/** Variants of a well-formed number: negative, fractional, huge, or not a number at all. */
const numberMutations = (seed: number): unknown[] => [-1, -seed - 1, seed + 0.5, 1e308, -1e308, 2 ** 53 + 2, String(seed)]

const short = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 40)}…(${text.length})` : text
}

/**
 * Hostile argument lists for an event, generated from its tuple schema, so a new event is
 * covered without a new test: no arguments, hostile values in place of each argument and
 * after them (extra arguments before the ack), and, for object arguments, each field replaced,
 * mutated, left out, or joined by unknown fields. `seeds` holds well-formed values by field
 * name (e.g. a real room), so a mutation changes one thing in an otherwise valid call; fields
 * without a seed start from "x".
 */
export function hostileCalls(schema: z.ZodTuple, seeds: Record<string, unknown[]>, hugeLength: number): HostileCall[] {
  const values = hostileValues(hugeLength)
  const items = schema.def.items as z.ZodType[]
  const fieldsOf = (item: z.ZodType) => (item instanceof z.ZodObject ? Object.keys(item.shape) : null)
  const seedOf = (field: string) => seeds[field]?.[0] ?? "x"
  const base: unknown[] = items.map((item) => {
    const fields = fieldsOf(item)
    return fields ? Object.fromEntries(fields.map((f) => [f, seedOf(f)])) : "x"
  })

  const calls: HostileCall[] = [{ name: "no arguments", args: [] }, { name: "the seeds", args: base }]
  for (const value of values) {
    calls.push({ name: `${short(value)} as every argument`, args: items.length ? items.map(() => value) : [value] })
    calls.push({ name: `extra argument ${short(value)}`, args: [...base, value] })
  }
  items.forEach((item, i) => {
    const fields = fieldsOf(item)
    if (!fields) {
      return
    }
    const seeded = base[i] as Record<string, unknown>
    const withArg = (arg: unknown) => base.map((b, j) => (j === i ? arg : b))
    calls.push({ name: `argument ${i} with an unknown field`, args: withArg({ ...seeded, unknown_field: 1 }) })
    // JSON.parse makes `__proto__` an own key, as the server's parser will: it must not pollute.
    calls.push({ name: `argument ${i} with an own __proto__`, args: withArg(Object.assign(JSON.parse('{"__proto__":{"polluted":true}}'), seeded)) })
    for (const field of fields) {
      const without = { ...seeded }
      delete without[field]
      calls.push({ name: `argument ${i} without ${field}`, args: withArg(without) })
      const seed = seedOf(field)
      const variants = [
        ...(seeds[field] ?? []).slice(1),
        ...values,
        ...(typeof seed === "string" ? stringMutations(seed, hugeLength) : []),
        ...(typeof seed === "number" ? numberMutations(seed) : []),
      ]
      for (const value of variants) {
        calls.push({ name: `argument ${i}, ${field} = ${short(value)}`, args: withArg({ ...seeded, [field]: value }) })
      }
    }
  })
  return calls
}
