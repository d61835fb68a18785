/**
 * A strict reader of the Prometheus text exposition format, version 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/), for checking what `/metrics`
 * serves. Stricter than Prometheus where that catches our mistakes: every sample must belong to
 * a `# TYPE`d family, and counters must be named `…_total`.
 */

export type MetricType = "counter" | "gauge" | "histogram" | "summary" | "untyped"
export type Sample = { name: string; labels: Record<string, string>; value: number }
export type Family = { name: string; type: MetricType; help?: string; samples: Sample[] }

const TYPES = new Set<string>(["counter", "gauge", "histogram", "summary", "untyped"])
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/
// Go's ParseFloat, which Prometheus uses, less hex and underscores: it ignores the case of Inf,
// Infinity and NaN (prom-client writes NaN as "Nan").
const FLOAT = /^(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?|[+-]?inf(?:inity)?|nan)$/i
const TIMESTAMP = /^-?\d+$/

/** The sample names a family of this type may hold. */
function sampleNames(family: string, type: MetricType): string[] {
  if (type === "histogram") {
    return [`${family}_bucket`, `${family}_sum`, `${family}_count`]
  }
  if (type === "summary") {
    return [family, `${family}_sum`, `${family}_count`]
  }
  return [family]
}

const INF = /^[+-]?inf(?:inity)?$/i

export function parseValue(text: string): number {
  if (INF.test(text)) {
    return text.startsWith("-") ? -Infinity : Infinity
  }
  return /^nan$/i.test(text) ? NaN : Number(text)
}

/** `{a="1",b="x\"y"}` at the start of `rest`: the labels, and what follows the closing brace. */
function readLabels(rest: string): { labels: Record<string, string>; after: string } {
  const labels: Record<string, string> = {}
  let i = 1
  for (;;) {
    if (rest[i] === "}") {
      return { labels, after: rest.slice(i + 1) }
    }
    const name = LABEL_NAME.exec(rest.slice(i))?.[0]
    if (!name || rest.slice(i + name.length, i + name.length + 2) !== '="') {
      throw new Error(`a label name then ="… expected at ${JSON.stringify(rest.slice(i))}`)
    }
    if (name in labels) {
      throw new Error(`label ${name} given twice`)
    }
    i += name.length + 2
    let value = ""
    for (;;) {
      const c = rest[i]
      if (c === undefined) {
        throw new Error("unterminated label value")
      }
      if (c === '"') {
        break
      }
      if (c === "\\") {
        const escaped = rest[i + 1]
        if (escaped !== "\\" && escaped !== '"' && escaped !== "n") {
          throw new Error(`bad escape \\${escaped} in a label value`)
        }
        value += escaped === "n" ? "\n" : escaped
        i += 2
      } else {
        value += c
        i++
      }
    }
    labels[name] = value
    i++
    if (rest[i] === ",") {
      i++
    } else if (rest[i] !== "}") {
      throw new Error(`, or } expected after label ${name}`)
    }
  }
}

function readSample(line: string): Sample {
  const name = METRIC_NAME.exec(line)?.[0]
  if (!name) {
    throw new Error("no metric name")
  }
  let rest = line.slice(name.length)
  let labels: Record<string, string> = {}
  if (rest.startsWith("{")) {
    ;({ labels, after: rest } = readLabels(rest))
  }
  const fields = rest.split(" ").filter(Boolean)
  if (!rest.startsWith(" ") || fields.length < 1 || fields.length > 2) {
    throw new Error("expected a space, a value and an optional timestamp after the name and labels")
  }
  if (!FLOAT.test(fields[0])) {
    throw new Error(`value ${JSON.stringify(fields[0])} is not a number`)
  }
  if (fields[1] !== undefined && !TIMESTAMP.test(fields[1])) {
    throw new Error(`timestamp ${JSON.stringify(fields[1])} is not an integer`)
  }
  return { name, labels, value: parseValue(fields[0]) }
}

const seriesKey = (s: Sample) =>
  `${s.name}{${Object.keys(s.labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(s.labels[k])}`)
    .join(",")}}`

/** What is wrong with one histogram family, per series (its labels other than `le`). */
function histogramProblems(family: Family): string[] {
  const problems: string[] = []
  const series = new Map<string, { buckets: Sample[]; sum?: Sample; count?: Sample }>()
  for (const s of family.samples) {
    const { le, ...rest } = s.labels
    const key = seriesKey({ ...s, name: family.name, labels: rest })
    const entry = series.get(key) ?? { buckets: [] }
    series.set(key, entry)
    if (s.name.endsWith("_bucket")) {
      if (le === undefined || !FLOAT.test(le)) {
        problems.push(`${key}: a bucket without a numeric le`)
      } else {
        entry.buckets.push(s)
      }
    } else if (le !== undefined) {
      problems.push(`${key}: le on ${s.name}`)
    } else {
      entry[s.name.endsWith("_sum") ? "sum" : "count"] = s
    }
  }
  for (const [key, { buckets, sum, count }] of series) {
    const bounds = buckets.map((b) => parseValue(b.labels.le))
    if (bounds.some((b, i) => i > 0 && !(b > bounds[i - 1]))) {
      problems.push(`${key}: le not strictly ascending (${bounds.join(", ")})`)
    }
    if (bounds.at(-1) !== Infinity) {
      problems.push(`${key}: no le="+Inf" bucket last`)
    }
    if (buckets.some((b, i) => i > 0 && b.value < buckets[i - 1].value)) {
      problems.push(`${key}: bucket counts are not cumulative`)
    }
    if (!sum || !count) {
      problems.push(`${key}: missing _sum or _count`)
    } else if (buckets.length && count.value !== buckets.at(-1)!.value) {
      problems.push(`${key}: _count ${count.value} differs from the +Inf bucket ${buckets.at(-1)!.value}`)
    }
  }
  return problems
}

/**
 * Parses an exposition, throwing one error that lists every problem: a line that does not
 * parse, a sample outside its `# TYPE`d family (or a family split in two), a second TYPE or
 * HELP, a counter not named `…_total` or below 0, a series given twice, a histogram without
 * ascending `le` buckets ending in `+Inf`, `_sum` and `_count`, a summary without `quantile`.
 */
export function parseExposition(text: string): Map<string, Family> {
  const families = new Map<string, Family>()
  const problems: string[] = []
  const seen = new Set<string>()
  const helps = new Map<string, string>()
  let current: Family | undefined
  if (!text.endsWith("\n")) {
    problems.push("the last line does not end with a line feed")
  }
  text
    .split("\n")
    .slice(0, text.endsWith("\n") ? -1 : undefined)
    .forEach((line, index) => {
      const at = `line ${index + 1} (${JSON.stringify(line.slice(0, 120))})`
      const meta = /^#\s+(HELP|TYPE)\s+(\S+)(?:\s(.*))?$/.exec(line)
      if (meta) {
        const [, kind, name, arg = ""] = meta
        if (!METRIC_NAME.test(name) || METRIC_NAME.exec(name)![0] !== name) {
          problems.push(`${at}: bad metric name`)
        } else if (kind === "HELP") {
          if (helps.has(name)) {
            problems.push(`${at}: a second HELP for ${name}`)
          }
          helps.set(name, arg)
        } else if (!TYPES.has(arg.trim())) {
          problems.push(`${at}: unknown type`)
        } else if (families.has(name)) {
          problems.push(`${at}: a second TYPE for ${name}`)
        } else if (seen.has(name)) {
          problems.push(`${at}: TYPE after samples of ${name}`)
        } else {
          current = { name, type: arg.trim() as MetricType, samples: [] }
          families.set(name, current)
        }
        return
      }
      if (line.trim() === "" || line.startsWith("#")) {
        return
      }
      let sample: Sample
      try {
        sample = readSample(line)
      } catch (err) {
        problems.push(`${at}: ${(err as Error).message}`)
        return
      }
      seen.add(sample.name)
      if (!current || !sampleNames(current.name, current.type).includes(sample.name)) {
        const owner = [...families.values()].find((f) => sampleNames(f.name, f.type).includes(sample.name))
        problems.push(`${at}: ${owner ? `outside its family ${owner.name}'s group` : "no # TYPE for this sample"}`)
        return
      }
      current.samples.push(sample)
    })

  const series = new Set<string>()
  for (const family of families.values()) {
    family.help = helps.get(family.name)
    for (const sample of family.samples) {
      const key = seriesKey(sample)
      if (series.has(key)) {
        problems.push(`${key}: given twice`)
      }
      series.add(key)
    }
    if (family.type === "counter") {
      if (!family.name.endsWith("_total")) {
        problems.push(`counter ${family.name}: not named …_total`)
      }
      if (family.samples.some((s) => !(s.value >= 0))) {
        problems.push(`counter ${family.name}: a value below 0 or NaN`)
      }
    }
    if (family.type === "histogram") {
      problems.push(...histogramProblems(family))
    }
    if (family.type === "summary" && family.samples.some((s) => s.name === family.name && s.labels.quantile === undefined)) {
      problems.push(`summary ${family.name}: a sample without quantile`)
    }
  }
  if (problems.length) {
    throw new Error(`invalid Prometheus exposition:\n${problems.slice(0, 30).join("\n")}`)
  }
  return families
}

/** The value of the series with exactly this sample name and these labels, or undefined. */
export function sampleValue(families: Map<string, Family>, name: string, labels: Record<string, string> = {}) {
  const key = seriesKey({ name, labels, value: 0 })
  for (const family of families.values()) {
    const found = family.samples.find((s) => seriesKey(s) === key)
    if (found) {
      return found.value
    }
  }
  return undefined
}
