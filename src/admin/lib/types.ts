import type { AdminAuction, AdminRealtimeTokenResponse, AdminShowVideoFields } from "../../realtime/contract/admin-api"
import type { BidKind, BidOutcome, StoreLotOffer } from "../../realtime/contract/store-api"
import type { ShowStatus } from "../../realtime/contract/transport"

/**
 * What the plugin's Admin routes answer with (the fields the console reads). The video fields
 * (issue #15: the LiveKit room, set at go-live; the seller's link; the recording) are optional: a
 * `?fields=` list may leave them out.
 */
export type Show = {
  id: string
  title: string
  description: string | null
  seller_id: string | null
  status: ShowStatus
  scheduled_at: string | null
  started_at: string | null
  ended_at: string | null
  playback_url: string | null
  thumbnail?: string | null
  created_at: string
  seller?: { id: string; email: string } | null
} & Partial<AdminShowVideoFields>

/** A lot as the Admin reads it, with the linked records the lot page asks for (`?fields=+show.title…`). */
export type Lot = AdminAuction & {
  product_variant?: { id: string; title: string; sku: string | null; product_id: string; product?: { id: string; title: string } } | null
  show?: { id: string; title: string; status: ShowStatus } | null
  order?: { id: string; display_id: number } | null
}

export type Bid = {
  id: string
  auction_id: string
  customer_id: string
  kind: BidKind
  amount: number
  price_after: number
  outcome: BidOutcome
  seq: number
  run: number
  is_prebid: boolean
  created_at: string
}

/** An offer as staff read it: the buyer's view plus who, which run, and why a cart or charge failed. */
export type LotOffer = StoreLotOffer & {
  run: number
  customer_id: string
  cart_error: string | null
}

export type BidderBlock = { id?: string; customer_id: string; reason: string | null; expires_at: string | null; created_at?: string }

export type LotSettingsInput = {
  product_variant_id?: string
  title?: string
  starting_price?: number
  currency_code?: string
  duration_seconds?: number
  soft_close_seconds?: number | null
  soft_close_mode?: "extend" | "reset"
  show_id?: string | null
}

export type RealtimeToken = AdminRealtimeTokenResponse
