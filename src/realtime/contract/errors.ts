/**
 * Machine codes for rejected bids and lot actions: HTTP 400 bodies carry them as `code`,
 * socket acks as `error.code`. Declared once here, used everywhere.
 */
export const AuctionErrorCodes = {
  /** Below the minimum next bid (or not above your own max). */
  bid_too_low: "bid_too_low",
  /** The lot is not taking bids yet (draft, or scheduled without pre-bids). */
  auction_not_live: "auction_not_live",
  /** The lot has closed (sold, unsold, cancelled, or its end passed). */
  auction_closed: "auction_closed",
  /** The seller's own account cannot bid on the seller's lots. */
  self_bid: "self_bid",
  /** The customer is blocked from bidding. */
  bidder_blocked: "bidder_blocked",
  /** A straight bid from the current leader: you would bid against yourself. */
  already_leading: "already_leading",
  /** No buy-now price, or bidding has passed it. */
  buy_now_unavailable: "buy_now_unavailable",
  /** Pre-bids (before the lot goes live) are off for this lot. */
  prebids_disabled: "prebids_disabled",
  /** The idempotency key was already used for another request (a 422; a retry of the same request replays its answer). */
  idempotency_conflict: "idempotency_conflict",
  /** The first request with this idempotency key is still being decided (a 409): retry in a moment. */
  idempotency_in_progress: "idempotency_in_progress",
  /** The bidder has a won lot past its payment deadline: pay it first. */
  payment_overdue: "payment_overdue",
  /** A won lot's cart line: its price and quantity are fixed, and it cannot be removed. */
  lot_line_locked: "lot_line_locked",
  /** Only the lot's buyer can put it in a cart, and only while their offer is open. */
  lot_not_won: "lot_not_won",
  /** The lot cannot move to the requested state from its current one. */
  invalid_transition: "invalid_transition",
  /** A customer named in the request (a lot's seller account, a block) does not exist. */
  customer_not_found: "customer_not_found",
  /** The lot's currency is not an ISO 4217 currency this store knows. */
  unknown_currency: "unknown_currency",
  /** A price or increment finer than the currency's smallest unit (a cent; a yen). */
  below_currency_unit: "below_currency_unit",
  /** Lifting a bidder block that is not there. */
  block_not_found: "block_not_found",
} as const

export type AuctionErrorCode = (typeof AuctionErrorCodes)[keyof typeof AuctionErrorCodes]

/** Machine codes for refused show actions (HTTP 400 `code`). */
export const ShowErrorCodes = {
  /** The show cannot move to the requested state from its current one. */
  invalid_transition: "invalid_transition",
  /** A show cannot end while one of its lots is still taking bids. */
  show_has_live_lots: "show_has_live_lots",
  /** Lots cannot join, start or re-run in a show that ended or was cancelled. */
  show_closed: "show_closed",
  /** A lot names a show that does not exist. */
  show_not_found: "show_not_found",
  /** The seller named is not an admin user of this store. */
  seller_not_found: "seller_not_found",
  /** A lineup reorder must name exactly the show's lots that have not finished, each once. */
  lineup_mismatch: "lineup_mismatch",
  /** The next lot starts only while the show is live. */
  show_not_live: "show_not_live",
  /** No draft or scheduled lot is left in the show's lineup. */
  lineup_empty: "lineup_empty",
  /** A lot of the show is still taking bids: the next one waits for it to close. */
  lot_in_progress: "lot_in_progress",
} as const

export type ShowErrorCode = (typeof ShowErrorCodes)[keyof typeof ShowErrorCodes]

/** Machine codes for refused video requests (HTTP `code`): LiveKit tokens, ingress, webhooks. */
export const VideoErrorCodes = {
  /** LiveKit is not configured on this store: shows play their external `playback_url` (a 400). */
  video_not_configured: "video_not_configured",
  /** Viewer tokens are for live shows only (a 400). */
  show_not_live: "show_not_live",
  /** The show ended or was cancelled: no publisher token or ingress for it (a 400). */
  show_closed: "show_closed",
  /** LiveKit did not answer or refused the call: nothing changed, retry (a 503). */
  video_unavailable: "video_unavailable",
  /** A `/hooks/livekit` request whose signature does not match its body (a 400; nothing changed). */
  invalid_signature: "invalid_signature",
} as const

export type VideoErrorCode = (typeof VideoErrorCodes)[keyof typeof VideoErrorCodes]

/** Machine codes for refused show media uploads (HTTP 400 `code`; nothing is changed). */
export const MediaErrorCodes = {
  /** No S3 bucket is configured (`media.s3`): use Medusa's own uploads (`POST /admin/uploads`) and a URL. */
  media_not_configured: "media_not_configured",
  /** Not a type this kind of media may be (thumbnails: JPEG, PNG, WebP; previews: MP4, WebM). */
  media_type_not_allowed: "media_type_not_allowed",
  /** Larger than this kind of media may be (thumbnails 5 MiB, previews 200 MiB). */
  media_too_large: "media_too_large",
  /** Nothing was uploaded under that key (or the key is not one handed out for this show and kind). */
  upload_not_found: "upload_not_found",
} as const

export type MediaErrorCode = (typeof MediaErrorCodes)[keyof typeof MediaErrorCodes]

/** Machine codes for refused seller and admin-scope requests (HTTP `code`). */
export const SellerErrorCodes = {
  /** Platform staff only (a 403): sellers cannot call this route. */
  staff_only: "staff_only",
  /** Another seller's handle: handles are unique (a 400). */
  handle_taken: "handle_taken",
  /** That admin user already has a seller profile (a 400). */
  seller_exists: "seller_exists",
  /** A seller naming another seller as a record's seller (a 400). */
  other_seller: "other_seller",
} as const

export type SellerErrorCode = (typeof SellerErrorCodes)[keyof typeof SellerErrorCodes]

/**
 * Machine codes for refused chat requests: HTTP bodies carry them as `code`, `chat:send` acks as
 * `error.code` (the sidecar sends through the Store route, so both are the same answer).
 */
export const ChatErrorCodes = {
  /** No show has this id (a 404). */
  chat_show_not_found: "chat_show_not_found",
  /** The show has not gone live yet: chat opens with it (a 400). */
  chat_show_not_live: "chat_show_not_live",
  /** The show ended or was cancelled: its chat is closed (a 400). */
  chat_show_ended: "chat_show_ended",
  /** Nothing to send after trimming (a 400). */
  chat_message_empty: "chat_message_empty",
  /** Longer than 500 characters after trimming (a 400). */
  chat_message_too_long: "chat_message_too_long",
  /** A blocked word of the platform or the show; the body names the rule (a 400). */
  chat_blocked_word: "chat_blocked_word",
  /** Slow mode: one message per N seconds per viewer; `retry_after_ms` says when (a 429). */
  chat_slow_mode: "chat_slow_mode",
  /** Too many messages in a short time; `retry_after_ms` says when (a 429). */
  chat_rate_limited: "chat_rate_limited",
  /** Muted in this show for a while; `retry_after_ms` is the time left (a 403). */
  chat_muted: "chat_muted",
  /** Removed from this show's chat (a 403). */
  chat_removed: "chat_removed",
  /** Blocked by the show's seller, in all their shows (a 403). */
  chat_blocked: "chat_blocked",
  /** Moderation is for the show's seller, its moderators and staff (a 403). */
  chat_not_moderator: "chat_not_moderator",
  /** Moderators cannot act on another moderator (a 403). */
  chat_target_is_moderator: "chat_target_is_moderator",
  /** No message with this id in this show, or it was deleted (a 404). */
  chat_message_not_found: "chat_message_not_found",
  /** Only questions can be answered or dismissed (a 400). */
  chat_not_a_question: "chat_not_a_question",
  /** A customer named in the request does not exist (a 400). */
  chat_customer_not_found: "chat_customer_not_found",
} as const

export type ChatErrorCode = (typeof ChatErrorCodes)[keyof typeof ChatErrorCodes]

/** Codes for socket-level failures. */
export const RealtimeErrorCodes = {
  /** The arguments before the ack do not match the event's schema (wrong count or shape). */
  invalid_payload: "invalid_payload",
  /** An event this server does not handle (see `ClientToServerPayloads`). */
  unknown_event: "unknown_event",
  /** A bad or expired token at the handshake, or a private room that is not yours. */
  unauthorized: "unauthorized",
  /** A socket may be in at most 100 rooms. */
  too_many_rooms: "too_many_rooms",
  /** No lot or show has this id (or it was deleted). */
  room_not_found: "room_not_found",
  /** Too many calls from this connection: retry after `retry_after_ms`. */
  rate_limited: "rate_limited",
  /** The server could not check the request just now (its database is slow or away): retry after `retry_after_ms`. */
  unavailable: "unavailable",
  /** Something failed on the server; the detail is in its log, never in the ack. */
  unknown_error: "unknown_error",
} as const

export type RealtimeErrorCode = (typeof RealtimeErrorCodes)[keyof typeof RealtimeErrorCodes] | AuctionErrorCode | ChatErrorCode
