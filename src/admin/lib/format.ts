/** Plugin prices are in the currency's main unit (like Medusa's own amounts). */
export function money(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined) {
    return "–"
  }
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: (currency || "usd").toUpperCase() }).format(amount)
  } catch {
    return `${amount} ${currency ?? ""}`.trim()
  }
}

export function dateTime(value: string | null | undefined): string {
  return value ? new Date(value).toLocaleString() : "–"
}

export const statusColor = (status: string): "green" | "orange" | "blue" | "grey" | "red" => {
  switch (status) {
    case "live":
    case "paid":
    case "sold":
      return "green"
    case "scheduled":
    case "pending":
      return "blue"
    case "draft":
      return "orange"
    case "cancelled":
    case "expired":
      return "red"
    default:
      return "grey"
  }
}
