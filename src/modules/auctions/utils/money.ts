/**
 * Prices are decimals in the currency's main unit (as in Medusa). Arithmetic runs on
 * integers of 1/10,000 of that unit, so 0.1 + 0.2 never becomes 0.30000000000000004.
 */
const SCALE = 10_000

export function toUnits(amount: number): number {
  return Math.round(amount * SCALE)
}

export function fromUnits(units: number): number {
  return units / SCALE
}

/** True when `amount` has no more than two decimals (cents). */
export function hasCentPrecision(amount: number): boolean {
  return Math.abs(Math.round(amount * 100) - amount * 100) < 1e-6
}
