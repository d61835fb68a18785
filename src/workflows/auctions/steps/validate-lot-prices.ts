import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { BidIncrementStep } from "../../../lib/options"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type AuctionsModuleService from "../../../modules/auctions/service"
import { AuctionErrorCodes } from "../../../realtime/contract/errors"

type Prices = {
  currency_code?: string
  starting_price?: number
  reserve_price?: number | null
  buy_now_price?: number | null
  increments?: BidIncrementStep[] | null
}

/** A new lot's prices, or an edit's (`auction_id` names the lot, whose stored values fill the gaps). */
export type ValidateLotPricesStepInput = (Prices & { auction_id?: string })[]

export const validateLotPricesStepId = "live-validate-lot-prices"

/**
 * This step checks a lot's money against its currency: an ISO 4217 code the store knows, and
 * prices and increments in whole units of it (cents for USD, yen for JPY). An increment below
 * the smallest unit would let equal bids be accepted again and again.
 */
export const validateLotPricesStep = createStep(
  validateLotPricesStepId,
  async (lots: ValidateLotPricesStepInput, { container }) => {
    const resolved = await withStoredValues(container.resolve(AUCTIONS_MODULE), lots)
    const codes = [...new Set(resolved.flatMap((l) => (l.currency_code ? [l.currency_code] : [])))]
    if (!codes.length) {
      return new StepResponse(void 0)
    }
    // decimal_digits is on the currency model, not on its DTO type.
    const currencies = (await container
      .resolve(Modules.CURRENCY)
      .listCurrencies({ code: codes }, { select: ["code", "decimal_digits"] })) as { code: string; decimal_digits?: number }[]
    for (const lot of resolved) {
      if (!lot.currency_code) {
        continue
      }
      const currency = currencies.find((c) => c.code === lot.currency_code)
      if (!currency) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Currency ${lot.currency_code.toUpperCase()} is not an ISO 4217 currency this store knows`,
          AuctionErrorCodes.unknown_currency
        )
      }
      const unit = 10 ** -Number(currency.decimal_digits ?? 2)
      const amounts: [string, number | null | undefined][] = [
        ["starting_price", lot.starting_price],
        ["reserve_price", lot.reserve_price],
        ["buy_now_price", lot.buy_now_price],
        ...(lot.increments ?? []).flatMap((s, i): [string, number][] => [
          [`increments[${i}].from`, s.from],
          [`increments[${i}].increment`, s.increment],
        ]),
      ]
      for (const [field, amount] of amounts) {
        if (amount != null && !isWholeUnits(amount, unit)) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `${field} ${amount} is not a whole number of ${unit} ${lot.currency_code.toUpperCase()}`,
            AuctionErrorCodes.below_currency_unit
          )
        }
      }
      if ((lot.increments ?? []).some((s) => s.increment < unit)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `An increment must be at least ${unit} ${lot.currency_code.toUpperCase()}`,
          AuctionErrorCodes.below_currency_unit
        )
      }
    }
    return new StepResponse(void 0)
  }
)

function isWholeUnits(amount: number, unit: number): boolean {
  return Math.abs(Math.round(amount / unit) * unit - amount) < unit / 1000
}

/** An edit changes some fields: the check applies to the lot as it will be. */
async function withStoredValues(auctions: AuctionsModuleService, lots: ValidateLotPricesStepInput): Promise<Prices[]> {
  const ids = lots.flatMap((l) => (l.auction_id ? [l.auction_id] : []))
  const stored = ids.length ? await auctions.listAuctions({ id: ids }) : []
  return lots.map(({ auction_id, ...update }) => {
    const lot = stored.find((s) => s.id === auction_id)
    if (!lot) {
      return update
    }
    return {
      currency_code: update.currency_code ?? lot.currency_code,
      starting_price: update.starting_price ?? Number(lot.starting_price),
      reserve_price: update.reserve_price !== undefined ? update.reserve_price : numberOrNull(lot.reserve_price),
      buy_now_price: update.buy_now_price !== undefined ? update.buy_now_price : numberOrNull(lot.buy_now_price),
      increments: update.increments !== undefined ? update.increments : (lot.increments as BidIncrementStep[] | null),
    }
  })
}

const numberOrNull = (value: unknown) => (value == null ? null : Number(value))
