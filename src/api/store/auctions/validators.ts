import { z } from "@medusajs/framework/zod"
import { hasCentPrecision } from "../../../modules/auctions/utils/money"

export const Money = z
  .number()
  .positive()
  .max(1_000_000_000)
  .refine(hasCentPrecision, { message: "must have at most 2 decimals" })

/** Exactly one of `amount` (straight bid), `max_amount` (proxy bid) or `buy_now: true`. */
export const StorePlaceBid = z
  .object({
    amount: Money.optional(),
    max_amount: Money.optional(),
    buy_now: z.literal(true).optional(),
    /** Client-chosen, unique per bid attempt; a retry with the same key returns the first result. */
    idempotency_key: z.string().trim().min(8).max(128),
  })
  .strict()
  .refine((b) => [b.amount, b.max_amount, b.buy_now].filter((v) => v !== undefined).length === 1, {
    message: "send exactly one of amount, max_amount or buy_now",
  })
export type StorePlaceBidType = z.infer<typeof StorePlaceBid>

export const LotStatus = z.enum(["draft", "scheduled", "live", "sold", "unsold", "cancelled"])

/** `limit` and `offset` query parameters. */
export function pagination(defaultLimit: number, maxLimit: number) {
  return {
    limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
    offset: z.coerce.number().int().min(0).default(0),
  }
}

/** A query parameter given once (`?status=live`) or repeated (`?status=live&status=sold`), as a list. */
export function oneOrMany<T extends z.ZodType>(schema: T) {
  return z.union([schema, z.array(schema)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[])
}

/** `?show_id=&status=` (one status or several) plus pagination. */
export function lotListQuery(defaultLimit: number, maxLimit: number) {
  return z
    .object({
      show_id: z.string().min(1).optional(),
      status: oneOrMany(LotStatus).optional(),
      ...pagination(defaultLimit, maxLimit),
    })
    .strict()
}

export const StoreGetAuctions = lotListQuery(20, 100)
export type StoreGetAuctionsType = z.infer<typeof StoreGetAuctions>

export const StoreGetBids = z.object(pagination(50, 200)).strict()
export type StoreGetBidsType = z.infer<typeof StoreGetBids>

export const LotOfferStatus = z.enum(["pending", "paid", "expired", "cancelled"])

export const StoreGetLotOffers = z.object({ ...pagination(50, 200), status: LotOfferStatus.optional() }).strict()
export type StoreGetLotOffersType = z.infer<typeof StoreGetLotOffers>
