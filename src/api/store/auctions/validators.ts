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

const LotStatus = z.enum(["draft", "scheduled", "live", "sold", "unsold", "cancelled"])

export const StoreGetAuctions = z
  .object({
    show_id: z.string().min(1).optional(),
    status: z.union([LotStatus, z.array(LotStatus)]).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type StoreGetAuctionsType = z.infer<typeof StoreGetAuctions>

export const StoreGetBids = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type StoreGetBidsType = z.infer<typeof StoreGetBids>
