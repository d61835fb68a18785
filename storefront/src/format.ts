const formats = new Map<string, Intl.NumberFormat>()

/** Prices are decimals in the currency's main unit, as everywhere in Medusa. */
export function money(amount: number | null | undefined, currency: string): string {
  if (amount === null || amount === undefined) {
    return "–"
  }
  const code = currency.toUpperCase()
  let format = formats.get(code)
  if (!format) {
    format = new Intl.NumberFormat("en-US", { style: "currency", currency: code })
    formats.set(code, format)
  }
  return format.format(amount)
}

/** "1:05", "0:09": what is left of a countdown. */
export function clock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000))
  const minutes = Math.floor(seconds / 60)
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`
}
