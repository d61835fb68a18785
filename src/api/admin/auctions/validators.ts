import { z } from "@medusajs/framework/zod"
import { BidIncrementTable } from "../../../lib/options"
import { LotOfferStatus, lotListQuery } from "../../store/auctions/validators"
import { EntityId, Fields, FutureDateTime, Metadata, Money, pagination, Text, Title } from "../../utils/validators"

/**
 * A lot's settings as sent. No defaults here: an edit names only what changes, so a field left
 * out must stay as it is (the create schema below adds the defaults).
 */
const LotSettings = z.object({
  title: Title(200),
  description: Text(5000).nullish(),
  product_variant_id: EntityId.nullish(),
  show_id: EntityId.nullish(),
  seller_customer_id: EntityId.nullish(),
  currency_code: z.string().regex(/^[a-zA-Z]{3}$/, "must be a 3-letter ISO code").transform((c) => c.toLowerCase()),
  starting_price: z.union([z.literal(0), Money]),
  reserve_price: Money.nullish(),
  buy_now_price: Money.nullish(),
  increments: BidIncrementTable.nullish(),
  duration_seconds: z.int().min(5).max(7 * 24 * 3600),
  soft_close_seconds: z.int().min(0).max(3600).nullish(),
  soft_close_mode: z.enum(["extend", "reset"]),
  extend_seconds: z.int().min(1).max(3600).nullish(),
  max_extensions: z.int().min(0).max(1000).nullish(),
  sudden_death: z.boolean(),
  allow_prebids: z.boolean(),
  /** When the clock starts the lot by itself; null (or left out) keeps it a draft. */
  scheduled_at: FutureDateTime.nullish(),
  region_id: EntityId.nullish(),
  sales_channel_id: EntityId.nullish(),
  payment_window_seconds: z.int().min(10).max(30 * 24 * 3600).nullish(),
  runner_up_depth: z.int().min(0).max(10).nullish(),
  metadata: Metadata.nullish(),
})

type Prices = { starting_price?: number; reserve_price?: number | null; buy_now_price?: number | null }
const pricesAreCoherent = (p: Prices) =>
  (p.reserve_price == null || p.starting_price === undefined || p.reserve_price >= p.starting_price) &&
  (p.buy_now_price == null || p.starting_price === undefined || p.buy_now_price > p.starting_price)
const pricesMessage = { message: "reserve_price must be ≥ starting_price and buy_now_price > starting_price" }

/** What a new lot gets when the request leaves it out. */
const CreateDefaults = {
  duration_seconds: LotSettings.shape.duration_seconds.default(30),
  soft_close_mode: LotSettings.shape.soft_close_mode.default("reset"),
  sudden_death: LotSettings.shape.sudden_death.default(false),
  allow_prebids: LotSettings.shape.allow_prebids.default(true),
}

export const AdminCreateAuction = LotSettings.extend({
  /**
   * The admin user who sells the lot (staff only; a seller's lots are their own). A lot in a
   * show is always its show's seller's.
   */
  seller_id: EntityId.nullish(),
  ...CreateDefaults,
})
  .strict()
  .refine(pricesAreCoherent, pricesMessage)
export type AdminCreateAuctionType = z.infer<typeof AdminCreateAuction>

/**
 * A lot added to a show's lineup: a catalog lot (its variant required), with the settings of
 * `POST /admin/auctions`; its title defaults to the product's and the variant's.
 */
export const AdminLineupLot = LotSettings.omit({ show_id: true, title: true, product_variant_id: true })
  .extend({ product_variant_id: EntityId, title: Title(200).optional(), ...CreateDefaults })
  .strict()
  .refine(pricesAreCoherent, pricesMessage)
export type AdminLineupLotType = z.infer<typeof AdminLineupLot>

export const AdminUpdateAuction = LotSettings.partial()
  .strict()
  .refine((u) => Object.keys(u).length > 0, { message: "nothing to update" })
  .refine(pricesAreCoherent, pricesMessage)
export type AdminUpdateAuctionType = z.infer<typeof AdminUpdateAuction>

export const AdminGetAuctions = lotListQuery(50, 200).extend({
  /** Lots of any variant of this product. */
  product_id: EntityId.optional(),
  /** Lots this customer won. */
  winner_id: EntityId.optional(),
  /** One seller's lots (staff; a seller only ever sees their own). */
  seller_id: EntityId.optional(),
})
export type AdminGetAuctionsType = z.infer<typeof AdminGetAuctions>

export const AdminGetBids = z.object({ ...pagination(100, 500), ...Fields }).strict()
export type AdminGetBidsType = z.infer<typeof AdminGetBids>

/** `GET /admin/bids`: bids across lots, of a customer or a lot (one of them is required). */
export const AdminGetAllBids = z
  .object({
    ...pagination(50, 200),
    customer_id: EntityId.optional(),
    auction_id: EntityId.optional(),
    ...Fields,
  })
  .strict()
  .refine((q) => !!(q.customer_id || q.auction_id), { message: "name a customer_id or an auction_id" })
export type AdminGetAllBidsType = z.infer<typeof AdminGetAllBids>

export const AdminGetBidderBlocks = z.object({ ...pagination(50, 200), customer_id: EntityId.optional(), ...Fields }).strict()
export type AdminGetBidderBlocksType = z.infer<typeof AdminGetBidderBlocks>

export const AdminBlockBidder = z
  .object({
    customer_id: EntityId,
    reason: Text(500).nullish(),
    /** Null (or left out): until staff lift it. */
    expires_at: FutureDateTime.nullish(),
  })
  .strict()
export type AdminBlockBidderType = z.infer<typeof AdminBlockBidder>

export const AdminGetLotOffers = z
  .object({
    ...pagination(50, 200),
    auction_id: EntityId.optional(),
    customer_id: EntityId.optional(),
    show_id: EntityId.optional(),
    status: LotOfferStatus.optional(),
    /** The offer an order paid (order → lot and show). */
    order_id: EntityId.optional(),
    /** One seller's offers (staff; a seller only ever sees their own). */
    seller_id: EntityId.optional(),
    ...Fields,
  })
  .strict()
export type AdminGetLotOffersType = z.infer<typeof AdminGetLotOffers>
