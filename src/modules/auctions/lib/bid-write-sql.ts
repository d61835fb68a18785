import { LiveAuctionEvents, type LotEventPayloads } from "../../../realtime/contract/live-events"
import type { BidDecision } from "../utils/bidding"
import { bidderHandle, rawNumber, type LotDefaults } from "./lot-row"
import { generateEntityId } from "@medusajs/framework/utils"
import type { BidSnapshot, PlaceBidInput } from "./place-bid"

/**
 * A lot event's payload built in SQL, one expression per field of its contract type: a field
 * missing, unknown or renamed fails the typecheck. `auction_id` and `seq` are added by the insert.
 */
export function payloadSql<N extends keyof LotEventPayloads>(_name: N, fields: { [K in keyof Omit<LotEventPayloads[N], "auction_id" | "seq">]-?: string }) {
  return `jsonb_build_object(${Object.entries(fields).map(([key, sql]) => `'${key}', ${sql}`).join(", ")})`
}

const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

// True when this bid lands in the soft-close window. In SET and in the CTEs, `ends_at` is the
// lot's end before this statement; `n.t` is the bid's instant (below).
const IN_WINDOW = "(cast(:may_extend as boolean) and ends_at - n.t < make_interval(secs => :window))"

const BID_PLACED_PAYLOAD = payloadSql(LiveAuctionEvents.BID_PLACED, {
  bid_id: "cast(:bid_id as text)",
  customer_id: "cast(:customer as text)",
  bidder: "cast(:bidder as text)",
  outcome: "cast(:outcome as text)",
  price: "cast(:price as numeric)",
  bid_count: "upd.bid_count",
  leader: "cast(:leader_handle as text)",
  previous_leader_customer_id: "cast(:previous_leader as text)",
  ends_at: iso("upd.ends_at"),
  show_id: "upd.show_id",
  server_time: iso("upd.db_now"),
})

const EXTENDED_PAYLOAD = payloadSql(LiveAuctionEvents.EXTENDED, {
  ends_at: iso("upd.ends_at"),
  extension_count: "upd.extension_count",
  show_id: "upd.show_id",
  server_time: iso("upd.db_now"),
})

const CLOSED_PAYLOAD = payloadSql(LiveAuctionEvents.CLOSED, {
  status: "upd.status",
  winner_customer_id: "upd.winner_customer_id",
  winner: "cast(:bidder as text)",
  hammer_price: "upd.hammer_price",
  currency_code: "upd.currency_code",
  show_id: "upd.show_id",
  closed_at: iso("upd.closed_at"),
  server_time: iso("upd.db_now"),
})

/**
 * The whole write of an accepted bid as ONE statement: the lot (price, leader, seq, end),
 * the bid row and its outbox events. It writes nothing unless the lot is still at the `seq`
 * the decision was made on, still open, and its end not passed by the database clock.
 * The bid's instant is read once (`n.t`): the end is checked against the same instant the bid
 * is stamped with, so a stored bid is always strictly before the end it was checked against.
 * (`cast(... as ...)` rather than `::`, which knex would read as a named binding.)
 */
export const BID_WRITE_SQL = `
with upd as (
  update live_auction set
    current_price = :price, raw_current_price = cast(:raw_price as jsonb),
    leader_customer_id = :leader, leader_max = :leader_max, raw_leader_max = cast(:raw_leader_max as jsonb),
    bid_count = bid_count + 1,
    seq = seq + 1 + (case when ${IN_WINDOW} then 1 else 0 end) + (case when cast(:bought as boolean) then 1 else 0 end),
    ends_at = case when ${IN_WINDOW} then
        (case when cast(:reset as boolean) then greatest(ends_at, n.t + make_interval(secs => :extend_by))
              else ends_at + make_interval(secs => :extend_by) end)
      else ends_at end,
    extension_count = extension_count + (case when ${IN_WINDOW} then 1 else 0 end),
    status = case when cast(:bought as boolean) then 'sold' else status end,
    winner_customer_id = case when cast(:bought as boolean) then :customer else winner_customer_id end,
    hammer_price = case when cast(:bought as boolean) then :price else hammer_price end,
    raw_hammer_price = case when cast(:bought as boolean) then cast(:raw_price as jsonb) else raw_hammer_price end,
    closed_at = case when cast(:bought as boolean) then n.t else closed_at end,
    updated_at = n.t
  from (select clock_timestamp() as t) n
  where id = :id and seq = :seq and status = :status and deleted_at is null
    and (status = 'scheduled' or ends_at > n.t)
  returning live_auction.*, n.t as db_now
), bid as (
  insert into live_auction_bid (id, auction_id, customer_id, kind, amount, raw_amount, price_after, raw_price_after,
                                outcome, idempotency_key, seq, run, is_prebid, created_at, updated_at)
  select :bid_id, upd.id, :customer, :kind, :amount, cast(:raw_amount as jsonb), :price, cast(:raw_price as jsonb),
         :outcome, :key, :seq + 1, upd.run, cast(:is_prebid as boolean), upd.db_now, upd.db_now
  from upd
), events as (
  insert into live_auction_event (id, auction_id, seq, name, payload, created_at, updated_at)
  select e.id, upd.id, e.seq, e.name, e.payload || jsonb_build_object('auction_id', upd.id, 'seq', e.seq),
         clock_timestamp(), clock_timestamp()
  from upd cross join lateral (values
    (cast(:evt_bid as text), cast(:seq as integer) + 1, cast(:evt_bid_name as text), ${BID_PLACED_PAYLOAD}, true),
    (cast(:evt_extended as text), cast(:seq as integer) + 2, cast(:evt_extended_name as text), ${EXTENDED_PAYLOAD},
       upd.extension_count > cast(:extension_count as integer)),
    (cast(:evt_closed as text), upd.seq, cast(:evt_closed_name as text), ${CLOSED_PAYLOAD}, cast(:bought as boolean))
  ) as e(id, seq, name, payload, wanted)
  where e.wanted
)
select * from upd`

type WriteInput = {
  lot: BidSnapshot
  input: PlaceBidInput
  decision: Extract<BidDecision, { accepted: true }>
  bidId: string
  defaults: LotDefaults
}

export function bidWriteParams({ lot, input, decision, bidId, defaults }: WriteInput) {
  const bought = decision.outcome === "bought"
  const isPrebid = lot.status === "scheduled"
  const window = lot.soft_close_seconds ?? defaults.softCloseSeconds
  const mayExtend =
    !isPrebid && !bought && !lot.sudden_death && window > 0 &&
    (lot.max_extensions === null || lot.extension_count < lot.max_extensions)
  return {
    id: lot.id,
    seq: lot.seq,
    status: lot.status,
    price: decision.price,
    raw_price: rawNumber(decision.price),
    leader: decision.leader_customer_id,
    leader_max: decision.leader_max,
    raw_leader_max: rawNumber(decision.leader_max),
    may_extend: mayExtend,
    window,
    reset: lot.soft_close_mode === "reset",
    extend_by: lot.extend_seconds ?? window,
    bought,
    customer: input.customer_id,
    bid_id: bidId,
    kind: input.kind,
    amount: decision.bid_amount,
    raw_amount: rawNumber(decision.bid_amount),
    outcome: decision.outcome,
    key: input.idempotency_key,
    is_prebid: isPrebid,
    evt_bid: generateEntityId(undefined, "aevt"),
    evt_extended: generateEntityId(undefined, "aevt"),
    evt_closed: generateEntityId(undefined, "aevt"),
    // Event names are bound, not written into the SQL: the contract declares them once.
    evt_bid_name: LiveAuctionEvents.BID_PLACED,
    evt_extended_name: LiveAuctionEvents.EXTENDED,
    evt_closed_name: LiveAuctionEvents.CLOSED,
    bidder: bidderHandle(lot.id, input.customer_id),
    leader_handle: bidderHandle(lot.id, decision.leader_customer_id),
    previous_leader: lot.leader_customer_id,
    extension_count: lot.extension_count,
  }
}
