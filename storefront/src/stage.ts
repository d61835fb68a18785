import type {
  AuctionClosedEvent,
  PublisherStatus,
  AuctionExtendedEvent,
  AuctionStartedEvent,
  BidPlacedEvent,
  StoreAuction,
  StoreLiveConfig,
  StorePublicBid,
  StoreShow,
} from "medusa-plugin-live-commerce/realtime/contract"

/*
 * What the show page displays, as a pure reducer over HTTP snapshots and socket events. Lot
 * state only moves forward: anything older than the lot's `seq` we already hold is ignored, so
 * a late HTTP answer never undoes a newer event (and the other way round).
 */

/** The lot on screen, with its product picture and what this viewer knows of their own position. */
export type LotView = StoreAuction & {
  image: string | null
  you_lead: boolean
  your_max: number | null
  /** This customer's pseudonym on this lot, once known (it tells "you lead" from "someone leads"). */
  my_handle: string | null
}

export type FeedItem = { id: string; bidder: string; price: number; outcome: string; at: string }

export type Stage = {
  show: StoreShow | null
  lot: LotView | null
  feed: FeedItem[]
  viewers: number | null
  /** A short line about the last change (an extension, the hammer). */
  flash: string | null
}

export type StageAction =
  | { type: "show"; show: StoreShow }
  | { type: "lot"; lot: LotView; bids: StorePublicBid[] }
  | { type: "lot_state"; auction: StoreAuction; mine?: { leading: boolean; max: number | null } }
  | { type: "bid_placed"; event: BidPlacedEvent; increments: StoreLiveConfig["auctions"]["increments"] }
  | { type: "started"; event: AuctionStartedEvent }
  | { type: "extended"; event: AuctionExtendedEvent }
  | { type: "closed"; event: AuctionClosedEvent }
  /** `show:status`: the show's status and, from LiveKit, the seller's link and the recording. */
  | { type: "show_status"; status: StoreShow["status"]; publisher_status?: PublisherStatus; recording_url?: string | null }
  | { type: "viewers"; viewers: number }

export const emptyStage: Stage = { show: null, lot: null, feed: [], viewers: null, flash: null }

const FEED_SIZE = 30

const EXTENDED_FLASH = "Extended: a late bid added time"

export function stageReducer(stage: Stage, action: StageAction): Stage {
  switch (action.type) {
    case "show":
      return { ...stage, show: action.show }
    case "lot": {
      if (stage.lot?.id === action.lot.id && stage.lot.seq > action.lot.seq) {
        return stage
      }
      const feed = action.bids.map((b) => ({ id: b.id, bidder: b.bidder, price: b.price, outcome: b.outcome, at: b.created_at }))
      const sameLot = stage.lot?.id === action.lot.id
      return { ...stage, lot: action.lot, feed: sameLot ? mergeFeed(stage.feed, feed) : feed, flash: sameLot ? stage.flash : null }
    }
    case "lot_state": {
      const lot = stage.lot
      if (!lot || lot.id !== action.auction.id || action.auction.seq < lot.seq) {
        return stage
      }
      const mine = action.mine
      // Our own bid's answer may carry a soft-close extension before its event arrives (which is
      // then not newer than the lot): say so here too.
      const extended = action.auction.extension_count > lot.extension_count
      return {
        ...stage,
        flash: extended ? EXTENDED_FLASH : stage.flash,
        lot: {
          ...lot,
          ...action.auction,
          you_lead: mine ? mine.leading : lot.my_handle !== null && action.auction.leader === lot.my_handle,
          your_max: mine?.leading ? (mine.max ?? lot.your_max) : mine ? null : lot.your_max,
          my_handle: mine?.leading ? action.auction.leader : lot.my_handle,
        },
      }
    }
    case "bid_placed": {
      const e = action.event
      const lot = stage.lot
      const feed = mergeFeed(stage.feed, [{ id: e.bid_id, bidder: e.bidder, price: e.price, outcome: e.outcome, at: e.server_time }])
      if (!lot || lot.id !== e.auction_id || e.auction_seq <= lot.seq) {
        return lot?.id === e.auction_id ? { ...stage, feed } : stage
      }
      const youLead = lot.my_handle !== null && e.leader === lot.my_handle
      return {
        ...stage,
        feed,
        lot: {
          ...lot,
          seq: e.auction_seq,
          current_price: e.price,
          bid_count: e.bid_count,
          leader: e.leader,
          ends_at: e.ends_at ?? lot.ends_at,
          min_next_bid: nextMinimum(e.price, action.increments),
          status: e.outcome === "bought" ? "sold" : lot.status,
          you_lead: youLead,
          your_max: youLead ? lot.your_max : null,
        },
      }
    }
    case "started": {
      const lot = stage.lot
      if (!lot || lot.id !== action.event.auction_id || action.event.auction_seq <= lot.seq) {
        return stage
      }
      return { ...stage, lot: { ...lot, status: "live", ends_at: action.event.ends_at, seq: action.event.auction_seq } }
    }
    case "extended": {
      const lot = stage.lot
      if (!lot || lot.id !== action.event.auction_id || action.event.auction_seq <= lot.seq) {
        return stage
      }
      return {
        ...stage,
        flash: EXTENDED_FLASH,
        lot: { ...lot, ends_at: action.event.ends_at, extension_count: action.event.extension_count, seq: action.event.auction_seq },
      }
    }
    case "closed": {
      const e = action.event
      const lot = stage.lot
      if (!lot || lot.id !== e.auction_id || e.auction_seq <= lot.seq) {
        return stage
      }
      return {
        ...stage,
        flash: e.status === "sold" ? `Sold to ${e.winner ?? "a bidder"}` : "Not sold",
        lot: { ...lot, status: e.status, winner: e.winner, hammer_price: e.hammer_price, seq: e.auction_seq, you_lead: false },
      }
    }
    case "show_status": {
      const show = stage.show
      if (!show) {
        return stage
      }
      const video = show.video && {
        ...show.video,
        ...(action.publisher_status !== undefined ? { publisher_status: action.publisher_status } : {}),
        ...(action.recording_url !== undefined ? { recording_url: action.recording_url } : {}),
      }
      return { ...stage, show: { ...show, status: action.status, video } }
    }
    case "viewers":
      return { ...stage, viewers: action.viewers }
  }
}

/** Newest first, each bid once (an event may also be in the HTTP history). */
function mergeFeed(current: FeedItem[], incoming: FeedItem[]): FeedItem[] {
  const seen = new Set(current.map((item) => item.id))
  const fresh = incoming.filter((item) => !seen.has(item.id))
  return [...fresh, ...current].sort((a, b) => b.at.localeCompare(a.at) || b.price - a.price).slice(0, FEED_SIZE)
}

/**
 * The next minimum after a visible price, by the store's increment table (from
 * `/store/live/config`). A lot with its own table may differ: the server is the judge, and a
 * `bid_too_low` refusal carries the lot's real state, which then replaces this guess.
 */
export function nextMinimum(price: number, increments: { from: number; increment: number }[]): number {
  let step = increments[0]?.increment ?? 1
  for (const row of increments) {
    if (price >= row.from) {
      step = row.increment
    }
  }
  return Math.round((price + step) * 100) / 100
}

/** The lot a show has on screen: its live lot, else the one that closed last, else the next scheduled. */
export function lotOnScreen(lots: StoreAuction[]): StoreAuction | null {
  const live = lots.filter((l) => l.status === "live")
  if (live.length) {
    return live[live.length - 1]
  }
  const closed = lots.filter((l) => l.status === "sold" || l.status === "unsold")
  if (closed.length) {
    return closed[closed.length - 1]
  }
  return lots.find((l) => l.status === "scheduled") ?? null
}
