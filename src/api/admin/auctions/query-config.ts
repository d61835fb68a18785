import type { FieldsConfig } from "../../utils/query-fields"
import { relationFields } from "../../utils/query-graph"

/** Every column of a lot: staff see the reserve, the leader and their max. */
export const ADMIN_AUCTION_COLUMNS = [
  "id",
  "title",
  "description",
  "status",
  "product_variant_id",
  "show_id",
  "position",
  "seller_id",
  "seller_customer_id",
  "currency_code",
  "starting_price",
  "reserve_price",
  "buy_now_price",
  "increments",
  "duration_seconds",
  "soft_close_seconds",
  "soft_close_mode",
  "extend_seconds",
  "max_extensions",
  "extension_count",
  "sudden_death",
  "allow_prebids",
  "scheduled_at",
  "started_at",
  "ends_at",
  "closed_at",
  "current_price",
  "leader_customer_id",
  "leader_max",
  "bid_count",
  "winner_customer_id",
  "hammer_price",
  "run",
  "seq",
  "region_id",
  "sales_channel_id",
  "payment_window_seconds",
  "runner_up_depth",
  "order_id",
  "settlement_status",
  "metadata",
  "created_at",
  "updated_at",
]

export const ADMIN_AUCTION_MONEY = ["starting_price", "reserve_price", "buy_now_price", "current_price", "leader_max", "hammer_price"]

/** Linked records staff may read with a lot (`?fields=*show,product_variant.title`). */
const ADMIN_AUCTION_LINKED = [
  ...relationFields("product_variant", ["id", "title", "sku", "product_id"]),
  ...relationFields("product_variant.product", ["id", "title", "handle", "thumbnail", "status"]),
  ...relationFields("show", ["id", "title", "status", "seller_id", "scheduled_at", "started_at", "ended_at"]),
  ...relationFields("winner", ["id", "email", "first_name", "last_name"]),
  ...relationFields("order", ["id", "display_id", "status", "total", "currency_code", "created_at"]),
]

export const adminAuctionFields: FieldsConfig = {
  defaults: ADMIN_AUCTION_COLUMNS,
  allowed: [...ADMIN_AUCTION_COLUMNS, ...ADMIN_AUCTION_LINKED],
}

export const adminAuctionListFields: FieldsConfig = { ...adminAuctionFields, isList: true }

const ADMIN_BID_COLUMNS = [
  "id",
  "auction_id",
  "customer_id",
  "kind",
  "amount",
  "price_after",
  "outcome",
  "idempotency_key",
  "seq",
  "run",
  "is_prebid",
  "created_at",
]

/** A lot's full bid history: customers, maxes (staff), every run. */
export const adminBidListFields: FieldsConfig = { defaults: ADMIN_BID_COLUMNS, allowed: ADMIN_BID_COLUMNS, isList: true }

/** Bids across lots (`GET /admin/bids`), each with its lot's title and show if asked (`?fields=+auction.title`). */
export const adminAllBidListFields: FieldsConfig = {
  defaults: ADMIN_BID_COLUMNS,
  allowed: [
    ...ADMIN_BID_COLUMNS,
    ...relationFields("auction", ["id", "title", "status", "show_id", "seller_id", "currency_code", "winner_customer_id"]),
  ],
  isList: true,
}

const ADMIN_BIDDER_BLOCK_COLUMNS = ["id", "customer_id", "reason", "expires_at", "created_at", "updated_at"]

export const adminBidderBlockListFields: FieldsConfig = {
  defaults: ADMIN_BIDDER_BLOCK_COLUMNS,
  allowed: ADMIN_BIDDER_BLOCK_COLUMNS,
  isList: true,
}

const ADMIN_LOT_OFFER_COLUMNS = [
  "id",
  "auction_id",
  "run",
  "rank",
  "customer_id",
  "amount",
  "currency_code",
  "show_id",
  "seller_id",
  "status",
  "due_at",
  "reminders_sent",
  "cart_id",
  "cart_error",
  "cart_attempts",
  "charge_status",
  "charge_error",
  "order_id",
  "paid_at",
  "closed_at",
  "line_cleared_at",
  "created_at",
  "updated_at",
]

export const adminLotOfferListFields: FieldsConfig = {
  defaults: ADMIN_LOT_OFFER_COLUMNS,
  allowed: ADMIN_LOT_OFFER_COLUMNS,
  isList: true,
}
