import type { FieldsConfig } from "../../utils/query-fields"

/** A lot's columns anyone may read. */
export const STORE_AUCTION_COLUMNS = [
  "id",
  "title",
  "description",
  "status",
  "show_id",
  "product_variant_id",
  "currency_code",
  "starting_price",
  "current_price",
  "buy_now_price",
  "bid_count",
  "scheduled_at",
  "started_at",
  "ends_at",
  "closed_at",
  "extension_count",
  "sudden_death",
  "allow_prebids",
  "hammer_price",
  "run",
  "seq",
]

/** Worked out from private columns (see lib/lot-row.ts): never the max, the reserve or a customer id. */
export const STORE_AUCTION_COMPUTED = ["min_next_bid", "reserve_met", "leader", "winner"]

/** The logged-in customer's own view of a lot (GET /store/auctions/:id). */
export const STORE_AUCTION_OWN = ["your_max", "you_lead"]

/** Linked records a storefront may read with a lot: the catalog variant and product, the show. */
const STORE_AUCTION_LINKED = [
  "product_variant.id",
  "product_variant.title",
  "product_variant.sku",
  "product_variant.product.id",
  "product_variant.product.title",
  "product_variant.product.handle",
  "product_variant.product.thumbnail",
  "product_variant.product.description",
  "show.id",
  "show.title",
  "show.status",
  "show.scheduled_at",
  "show.started_at",
  "show.ended_at",
  "show.playback_url",
  "show.thumbnail",
]

const DEFAULTS = [
  "id",
  "title",
  "status",
  "show_id",
  "product_variant_id",
  "currency_code",
  "starting_price",
  "current_price",
  "min_next_bid",
  "buy_now_price",
  "reserve_met",
  "bid_count",
  "leader",
  "ends_at",
  "extension_count",
  "sudden_death",
  "hammer_price",
  "winner",
  "run",
  "seq",
]

export const storeAuctionListFields: FieldsConfig = {
  defaults: DEFAULTS,
  allowed: [...STORE_AUCTION_COLUMNS, ...STORE_AUCTION_COMPUTED, ...STORE_AUCTION_LINKED],
  isList: true,
}

export const storeAuctionFields: FieldsConfig = {
  defaults: [...DEFAULTS, ...STORE_AUCTION_OWN],
  allowed: [...storeAuctionListFields.allowed, ...STORE_AUCTION_OWN],
}

/** A lot's public bid history: pseudonymous bidders, visible prices, never anyone's max. */
const PUBLIC_BID_FIELDS = ["id", "bidder", "kind", "price", "outcome", "is_prebid", "run", "seq", "created_at"]
export const storeBidListFields: FieldsConfig = { defaults: PUBLIC_BID_FIELDS, allowed: PUBLIC_BID_FIELDS, isList: true }

const OWN_BID_FIELDS = ["id", "auction_id", "kind", "amount", "price_after", "outcome", "is_prebid", "seq", "created_at", "leading", "won"]

/** The customer's own bids, with the lot they are on (`leading`, `won`: worked out for the caller). */
export const storeOwnBidListFields: FieldsConfig = {
  defaults: [...OWN_BID_FIELDS, "auction.title", "auction.status"],
  allowed: [...OWN_BID_FIELDS, "run", ...STORE_AUCTION_COLUMNS.map((c) => `auction.${c}`)],
  isList: true,
}

const LOT_OFFER_FIELDS = ["id", "auction_id", "rank", "amount", "currency_code", "show_id", "status", "due_at", "cart_id", "order_id", "charge_status", "paid_at"]

/** The customer's won lots to pay. */
export const storeLotOfferListFields: FieldsConfig = {
  defaults: LOT_OFFER_FIELDS,
  allowed: [...LOT_OFFER_FIELDS, "run", "closed_at", "created_at"],
  isList: true,
}
