import { z } from "@medusajs/framework/zod"
import { BidIncrementTable } from "../../../lib/options"
import { LotOfferStatus, lotListQuery, Money, pagination } from "../../store/auctions/validators"

const LotSettings = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(5000).nullish(),
  product_variant_id: z.string().min(1).nullish(),
  show_id: z.string().min(1).nullish(),
  seller_customer_id: z.string().min(1).nullish(),
  currency_code: z.string().regex(/^[a-zA-Z]{3}$/, "must be a 3-letter ISO code").transform((c) => c.toLowerCase()),
  starting_price: z.union([z.literal(0), Money]),
  reserve_price: Money.nullish(),
  buy_now_price: Money.nullish(),
  increments: BidIncrementTable.nullish(),
  duration_seconds: z.int().min(5).max(7 * 24 * 3600).default(30),
  soft_close_seconds: z.int().min(0).max(3600).nullish(),
  soft_close_mode: z.enum(["extend", "reset"]).default("reset"),
  extend_seconds: z.int().min(1).max(3600).nullish(),
  max_extensions: z.int().min(0).max(1000).nullish(),
  sudden_death: z.boolean().default(false),
  allow_prebids: z.boolean().default(true),
  scheduled_at: z.coerce.date().nullish(),
  region_id: z.string().min(1).nullish(),
  sales_channel_id: z.string().min(1).nullish(),
  payment_window_seconds: z.int().min(10).max(30 * 24 * 3600).nullish(),
  runner_up_depth: z.int().min(0).max(10).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
})

type Prices = { starting_price?: number; reserve_price?: number | null; buy_now_price?: number | null }
const pricesAreCoherent = (p: Prices) =>
  (p.reserve_price == null || p.starting_price === undefined || p.reserve_price >= p.starting_price) &&
  (p.buy_now_price == null || p.starting_price === undefined || p.buy_now_price > p.starting_price)
const pricesMessage = { message: "reserve_price must be ≥ starting_price and buy_now_price > starting_price" }

export const AdminCreateAuction = LotSettings.strict().refine(pricesAreCoherent, pricesMessage)
export type AdminCreateAuctionType = z.infer<typeof AdminCreateAuction>

export const AdminUpdateAuction = LotSettings.partial()
  .strict()
  .refine((u) => Object.keys(u).length > 0, { message: "nothing to update" })
  .refine(pricesAreCoherent, pricesMessage)
export type AdminUpdateAuctionType = z.infer<typeof AdminUpdateAuction>

export const AdminGetAuctions = lotListQuery(50, 200)
export type AdminGetAuctionsType = z.infer<typeof AdminGetAuctions>

export const AdminGetBids = z.object(pagination(100, 500)).strict()
export type AdminGetBidsType = z.infer<typeof AdminGetBids>

export const AdminEmptyBody = z.object({}).strict()

export const AdminBlockBidder = z
  .object({
    customer_id: z.string().min(1),
    reason: z.string().max(500).nullish(),
    expires_at: z.coerce.date().nullish(),
  })
  .strict()
export type AdminBlockBidderType = z.infer<typeof AdminBlockBidder>

export const AdminGetLotOffers = z
  .object({
    ...pagination(50, 200),
    auction_id: z.string().min(1).optional(),
    customer_id: z.string().min(1).optional(),
    show_id: z.string().min(1).optional(),
    status: LotOfferStatus.optional(),
  })
  .strict()
export type AdminGetLotOffersType = z.infer<typeof AdminGetLotOffers>
