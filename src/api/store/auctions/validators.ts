import { z } from "@medusajs/framework/zod"
import { EntityId, Fields, Money, oneOrMany, pagination, Text } from "../../utils/validators"

/** Exactly one of `amount` (straight bid), `max_amount` (proxy bid) or `buy_now: true`. */
export const StorePlaceBid = z
  .object({
    amount: Money.optional(),
    max_amount: Money.optional(),
    buy_now: z.literal(true).optional(),
    /** Client-chosen, unique per bid attempt; a retry with the same key returns the first result. */
    idempotency_key: Text(128).trim().min(8),
  })
  .strict()
  .refine((b) => [b.amount, b.max_amount, b.buy_now].filter((v) => v !== undefined).length === 1, {
    message: "send exactly one of amount, max_amount or buy_now",
  })
export type StorePlaceBidType = z.infer<typeof StorePlaceBid>

export const LotStatus = z.enum(["draft", "scheduled", "live", "sold", "unsold", "cancelled"])

/** `?show_id=&status=` (one status or several) plus pagination. */
export function lotListQuery(defaultLimit: number, maxLimit: number) {
  return z
    .object({
      show_id: EntityId.optional(),
      status: oneOrMany(LotStatus).optional(),
      ...pagination(defaultLimit, maxLimit),
      ...Fields,
    })
    .strict()
}

export const StoreGetAuctions = lotListQuery(20, 100)
export type StoreGetAuctionsType = z.infer<typeof StoreGetAuctions>

export const StoreGetBids = z.object({ ...pagination(50, 200), ...Fields }).strict()
export type StoreGetBidsType = z.infer<typeof StoreGetBids>

export const LotOfferStatus = z.enum(["pending", "paid", "expired", "cancelled"])

export const StoreGetLotOffers = z.object({ ...pagination(50, 200), status: LotOfferStatus.optional(), ...Fields }).strict()
export type StoreGetLotOffersType = z.infer<typeof StoreGetLotOffers>
