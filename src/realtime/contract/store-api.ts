import type { AuctionErrorCode } from "./errors"
import type { PublisherStatus, ShowStatus } from "./transport"

/*
 * The Store API's request and response types, for storefronts
 * (`import type { StoreAuctionResponse } from "medusa-plugin-live-commerce/store"`; also exported
 * by `…/realtime/contract`). Types only, no runtime code. Prices are decimals in the currency's
 * main unit, as in Medusa; times are ISO 8601 strings. Responses are shown with their default
 * fields: `?fields=` narrows or widens them as on Medusa's own routes.
 */

export type AuctionStatus = "draft" | "scheduled" | "live" | "sold" | "unsold" | "cancelled"

/** A lot as anyone may see it: no maxes, no reserve amount, bidders by pseudonym only. */
export type StoreAuction = {
  id: string
  title: string
  status: AuctionStatus
  show_id: string | null
  product_variant_id: string | null
  currency_code: string
  starting_price: number
  /** The visible price; null before the first bid. */
  current_price: number | null
  /** The lowest amount the next bid may be. */
  min_next_bid: number
  buy_now_price: number | null
  /** Null when the lot has no reserve. */
  reserve_met: boolean | null
  bid_count: number
  /** The leader's pseudonym (`bidder-1a2b3c`, stable per lot). */
  leader: string | null
  ends_at: string | null
  extension_count: number
  sudden_death: boolean
  hammer_price: number | null
  winner: string | null
  run: number
  /** Increases by one on every state change; the realtime events of the lot carry it too. */
  seq: number
}

export type BidKind = "straight" | "max" | "buy_now"
export type BidOutcome = "leading" | "outbid" | "max_raised" | "bought"

/** An accepted bid, as its bidder sees it. */
export type StoreBid = {
  id: string
  kind: BidKind
  /** What the bidder offered: the straight amount, the max, or the buy-now price. */
  amount: number
  outcome: BidOutcome
  /** The lot's visible price right after this bid. */
  price_after: number
  seq: number
  is_prebid: boolean
  created_at: string
}

/** `POST /store/auctions/:id/bids`: exactly one of `amount`, `max_amount` or `buy_now: true`. */
export type StorePlaceBidRequest = {
  amount?: number
  max_amount?: number
  buy_now?: true
  /**
   * Chosen by the client, unique per bid attempt (per customer, across lots). A retry with the
   * same key gets the first answer again, status and body, with the `Idempotent-Replayed: true`
   * header; the same key with another request is a 422 `idempotency_conflict`.
   */
  idempotency_key: string
}

/** 200: the bid was accepted. */
export type StorePlaceBidResponse = {
  bid: StoreBid
  outcome: BidOutcome
  /** Soft close moved the lot's end. */
  extended: boolean
  auction: StoreAuction
  server_time: string
}

/** 400 (refused: `code` says why) or 404 (no such lot): the lot's current state and the server clock. */
export type StoreBidRefusal = {
  type: "not_allowed" | "not_found"
  code: AuctionErrorCode | "not_found"
  message: string
  auction: StoreAuction | null
  server_time: string
  /** For a bid that arrived after the close: how late, by the server's clock. */
  late_by_ms?: number
}

/** Any error of the plugin's routes (Medusa's error body, with the plugin's machine `code`). */
export type StoreErrorBody = {
  type: string
  message: string
  code?: string
}

/** A page of a list, as Medusa's list routes answer. */
export type StorePage = { count: number; offset: number; limit: number }

/** `GET /store/auctions?show_id=&status=&limit=&offset=&fields=`: lots, soonest ending first (never drafts). */
export type StoreAuctionListResponse = StorePage & { auctions: StoreAuction[]; server_time: string }

/** `GET /store/auctions/:id`: one lot; with a customer's token, their own max if they lead. */
export type StoreAuctionResponse = {
  auction: StoreAuction & {
    /** Your max bid, if you lead (private to you). */
    your_max: number | null
    you_lead: boolean
  }
  server_time: string
}

/** One bid of a lot's public history: the bidder by pseudonym, the visible price, never a max. */
export type StorePublicBid = {
  id: string
  bidder: string
  kind: BidKind
  /** The lot's visible price after this bid. */
  price: number
  outcome: BidOutcome
  is_prebid: boolean
  run: number
  seq: number
  created_at: string
}

/** `GET /store/auctions/:id/bids`: the lot's bid history, newest first. */
export type StoreBidListResponse = StorePage & { bids: StorePublicBid[] }

/** One of your own bids, with the lot it is on. */
export type StoreCustomerBid = {
  id: string
  auction_id: string
  kind: BidKind
  amount: number
  price_after: number
  outcome: BidOutcome
  is_prebid: boolean
  seq: number
  created_at: string
  /** You lead the lot now. */
  leading: boolean
  /** You won it. */
  won: boolean
  auction: { id: string; title: string; status: AuctionStatus }
}

/** `GET /store/customers/me/bids`: your bids, newest first. */
export type StoreCustomerBidListResponse = StorePage & { bids: StoreCustomerBid[] }

export type LotOfferStatus = "pending" | "paid" | "expired" | "cancelled"

/** A lot you won (or were offered as runner-up): what to pay, in which cart, by when. */
export type StoreLotOffer = {
  id: string
  auction_id: string
  /** 0: you won it; 1, 2…: offered to you as a runner-up at your own highest bid. */
  rank: number
  amount: number
  currency_code: string
  show_id: string | null
  status: LotOfferStatus
  due_at: string
  /** The cart holding the lot at this price; check out as for any Medusa cart. */
  cart_id: string | null
  order_id: string | null
  /** The off-session charge of a saved card, if one was tried. */
  charge_status: string | null
  paid_at: string | null
}

/** `GET /store/customers/me/lot-offers?status=`: your won lots to pay. */
export type StoreLotOfferListResponse = StorePage & { lot_offers: StoreLotOffer[] }

/** A show as viewers see it (not its seller's user id, nor staff metadata). */
export type StoreShow = {
  id: string
  title: string
  description: string | null
  status: ShowStatus
  scheduled_at: string | null
  started_at: string | null
  ended_at: string | null
  /** Where to watch when the video is not carried by LiveKit. */
  playback_url: string | null
  thumbnail: string | null
  /** How to watch it (unless `?fields=` leaves it out). */
  video: StoreShowVideo
}

/**
 * A show's video for viewers. `mode`: "livekit" when the store has LiveKit and the show has a room
 * (ask `POST /store/shows/:id/viewer-token` while it is live), "external" when it has a
 * `playback_url`, else "none".
 */
export type StoreShowVideo = {
  mode: "livekit" | "external" | "none"
  /** The seller's video: "reconnecting" after a drop, "lost" past the grace period. */
  publisher_status: PublisherStatus
  /** The recording of a past show (replay), once written. */
  recording_url: string | null
  /** A preview video (before the show starts). */
  preview_url: string | null
}

/**
 * `POST /store/shows/:id/viewer-token` (and the seller's `POST /admin/shows/:id/publisher-token`):
 * a LiveKit token for the show's room. Connect `livekit-client` to `url` with `token` before
 * `expires_at`; a viewer's token subscribes only.
 */
export type LiveKitRoomToken = {
  token: string
  /** The LiveKit server clients connect to (wss://). */
  url: string
  room: string
  /** `customer:<id>` for a logged-in customer, `viewer:<random>` otherwise; `seller:<user id>` for the seller. */
  identity: string
  expires_at: string
}

export type StoreViewerTokenResponse = LiveKitRoomToken

/** `GET /store/shows?status=&seller_id=`: live, upcoming and past shows, soonest first (never cancelled ones). */
export type StoreShowListResponse = StorePage & { shows: StoreShow[]; server_time: string }

/** `GET /store/shows/:id`: the show and its lineup. */
export type StoreShowResponse = { show: StoreShow & { auctions: StoreAuction[] }; server_time: string }

/** `GET /store/live/config`: where the realtime server is and which live features are on. */
export type StoreLiveConfig = {
  realtime: { url: string; path: string }
  features: {
    auctions: boolean
    /** "livekit": shows stream through LiveKit (viewer tokens are issued); "external": shows carry a playback URL. */
    video: "livekit" | "external"
  }
  video: { livekit_url: string } | null
  auctions: { increments: { from: number; increment: number }[]; soft_close_seconds: number }
  /** Lets clients correct countdowns before their socket connects. */
  server_time: string
}

export type StoreLiveConfigResponse = { config: StoreLiveConfig }
