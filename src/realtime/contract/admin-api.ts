import type { AuctionStatus, LiveKitRoomToken } from "./store-api"
import type { PublisherStatus, RecordingStatus } from "./transport"

/*
 * The Admin API's seller-console types, for the plugin's Admin extensions (`src/admin` imports
 * them from the contract, never from server code). Types only, no runtime code. Prices are
 * decimals in the currency's main unit; times are ISO 8601 strings. Responses are shown with their
 * default fields.
 */

/** A seller's profile: an admin user with one is a seller, confined to their own records. */
export type SellerProfile = {
  /** `sel_…` */
  id: string
  /** The admin user who is the seller. */
  user_id: string
  /** Lowercase slug, unique (`demo-seller`). */
  handle: string
  display_name: string
  avatar_url: string | null
  bio: string | null
  metadata: Record<string, unknown> | null
  created_at: string
  updated_at: string
}

/** `GET /admin/live/me` */
export type AdminLiveMeResponse = { user_id: string; role: "staff" | "seller"; seller: SellerProfile | null }

/** `GET /admin/sellers` (staff) */
export type AdminSellerListResponse = { sellers: SellerProfile[]; count: number; offset: number; limit: number }

/** `POST /admin/sellers`, `GET|POST /admin/sellers/:id` */
export type AdminSellerResponse = { seller: SellerProfile }

/** `POST /admin/live/realtime-token`: open the sidecar socket with `auth: { token }` before `expires_at`. */
export type AdminRealtimeTokenResponse = { token: string; expires_at: string; realtime_url: string }

/**
 * A lot as the Admin sees it (`GET /admin/auctions/:id`; every column). `leader_max` is null for
 * sellers, who never see bidders' maxes.
 */
export type AdminAuction = {
  id: string
  title: string
  description: string | null
  status: AuctionStatus
  product_variant_id: string | null
  show_id: string | null
  /** Its place in the show's lineup; null outside a show. */
  position: number | null
  /** The admin user who sells it; null for a platform lot. */
  seller_id: string | null
  seller_customer_id: string | null
  currency_code: string
  starting_price: number
  reserve_price: number | null
  buy_now_price: number | null
  duration_seconds: number
  soft_close_seconds: number | null
  soft_close_mode: "extend" | "reset"
  extend_seconds: number | null
  max_extensions: number | null
  extension_count: number
  sudden_death: boolean
  allow_prebids: boolean
  scheduled_at: string | null
  started_at: string | null
  ends_at: string | null
  closed_at: string | null
  current_price: number | null
  leader_customer_id: string | null
  leader_max: number | null
  bid_count: number
  winner_customer_id: string | null
  hammer_price: number | null
  run: number
  seq: number
  order_id: string | null
  settlement_status: "awaiting_payment" | "offered_to_runner_up" | "paid" | "forfeited" | null
  metadata: Record<string, unknown> | null
  created_at: string
  updated_at: string
} & Record<string, unknown>

/** `GET|POST /admin/shows/:id/lineup`, `POST /admin/shows/:id/lineup/reorder`: the show's lots by `position`. */
export type AdminLineupResponse = { lots: AdminAuction[] }

/** `POST /admin/shows/:id/next-lot`: the lot it started. */
export type AdminAuctionResponse = { auction: AdminAuction }

/** `POST /admin/shows/:id/publisher-token`: the seller's LiveKit token (publishes camera and microphone). */
export type AdminPublisherTokenResponse = LiveKitRoomToken

/** An OBS ingest LiveKit made for a show: stream to `url` with `stream_key` (RTMP), or to `url` as the WHIP endpoint with `stream_key` as its bearer token. */
export type AdminShowIngress = { id: string; type: "rtmp" | "whip"; url: string; stream_key: string }

/** `POST /admin/shows/:id/ingress` `{ type }` and `GET /admin/shows/:id/ingress` (null: none made yet). */
export type AdminShowIngressResponse = { ingress: AdminShowIngress | null }

/** The video fields of `GET /admin/shows/:id` (never the stream key: that is `GET …/ingress`). */
export type AdminShowVideoFields = {
  room_name: string | null
  publisher_status: PublisherStatus
  recording_status: RecordingStatus
  recording_url: string | null
  preview_url: string | null
}

/** What a seller may upload for a show (`POST /admin/shows/:id/media-uploads`). */
export type ShowMediaKind = "thumbnail" | "preview"

/**
 * `POST /admin/shows/:id/media-uploads` `{ kind, content_type, size }`: PUT the file's bytes to
 * `url` with exactly `headers` before `expires_at`, then `POST /admin/shows/:id/media` `{ kind, key }`.
 */
export type AdminShowMediaUploadResponse = {
  upload: { url: string; method: "PUT"; headers: Record<string, string>; key: string; expires_at: string }
}
