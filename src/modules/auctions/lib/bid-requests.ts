import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import { forgetOldAnswers } from "../../../lib/idempotency-answers"
import type { StoreBidRefusal, StorePlaceBidResponse } from "../../../realtime/contract/store-api"
import { publicLot, type LotDefaults } from "./lot-row"
import { BID_SNAPSHOT_SELECT, iso, placeBid, storedBid, type BidSnapshot, type PlaceBidInput, type PlaceBidResult } from "./place-bid"

/**
 * The answer to `POST /store/auctions/:id/bids`, as it is sent and as it is replayed: the first
 * answer to an idempotency key is stored, and every retry with that key gets it again, status and
 * body (Stripe's rule), refusals included; `replayed` marks the copies.
 */
export type BidReply = (
  | { status: 200; body: StorePlaceBidResponse }
  | { status: 400 | 404; body: StoreBidRefusal }
  /** The key was used for another request: not stored, the first answer stands. */
  | { status: 422; body: { type: "invalid_data"; code: "idempotency_conflict"; message: string } }
  /** The first request with this key is still being decided after 10 s: retry later. */
  | { status: 409; body: { type: "conflict"; code: "idempotency_in_progress"; message: string } }
) & {
  /** The body as sent the first time: a replay sends these very bytes. */
  json: string
  replayed: boolean
}

type RequestRecord = { id: string; fingerprint: string; response_status: number | null; response: string | null; age_ms: number }

// Copies of one request arriving together wait this long for the first one's answer.
const WAIT_FOR_FIRST_MS = 10_000
const POLL_MS = 20
/**
 * The request record's writes commit without waiting for the WAL flush (`synchronous_commit` off
 * for that statement's transaction only): without it every refusal in a storm costs two fsyncs,
 * and the bid path becomes disk-bound (docs/decisions.md). A database crash can lose at most the
 * last few hundred ms of records: an accepted bid is still found by its key in the bid table (its
 * own statement commits synchronously), and a lost refusal is decided afresh on retry.
 */
const ASYNC_COMMIT = "(select set_config('synchronous_commit', 'off', true))"

// A claim with no answer after this long lost its process (a crash before the decision was
// recorded, and no bid was written): a retry takes it over.
const ABANDONED_AFTER_MS = 30_000

/**
 * Claims the key (a row in `live_bid_request`) and reads the lot, in one statement; the claim's
 * owner decides the bid and records the answer, and anyone else with the key replays it (or, if
 * the first is still being decided, waits for it). A request whose decision fails is released,
 * so a retry can try again.
 */
export async function answerBid(knex: Knex, input: PlaceBidInput, defaults: LotDefaults): Promise<BidReply> {
  const fingerprint = JSON.stringify([input.auction_id, input.kind, input.kind === "buy_now" ? null : input.amount])
  const deadline = Date.now() + WAIT_FOR_FIRST_MS
  for (;;) {
    const { claimed, existing, lot } = await claimAndRead(knex, input, fingerprint)
    if (claimed && !lot.id) {
      // No such lot: a 404 is not an answer worth keeping (nothing was decided), and bad input writes nothing.
      await release(knex, claimed)
      return toReply(await placeBid(knex, input, defaults, lot))
    }
    if (claimed) {
      return decideAsOwner(knex, claimed, input, defaults, lot)
    }
    if (existing && existing.fingerprint !== fingerprint) {
      return conflict()
    }
    if (existing?.response_status != null) {
      const json = existing.response!
      return { status: existing.response_status, body: JSON.parse(json), json, replayed: true } as BidReply
    }
    if (existing && existing.age_ms > ABANDONED_AFTER_MS && (await takeOver(knex, existing.id))) {
      // The first copy died before recording its answer; if it wrote its bid, the answer is that bid.
      return decideAsOwner(knex, existing.id, input, defaults, lot)
    }
    if (Date.now() > deadline) {
      return reply(409, {
        type: "conflict",
        code: "idempotency_in_progress",
        message: "A request with this idempotency key is still being processed; retry in a moment.",
      })
    }
    // The first copy is being decided (or committed its claim after this statement's snapshot).
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

async function decideAsOwner(
  knex: Knex,
  requestId: string,
  input: PlaceBidInput,
  defaults: LotDefaults,
  lot: BidSnapshot
): Promise<BidReply> {
  let reply: BidReply
  try {
    reply = lot.previous_bid ? answerFromStoredBid(lot, defaults) : toReply(await placeBid(knex, input, defaults, lot))
  } catch (err) {
    await release(knex, requestId)
    throw err
  }
  await knex.raw(
    `update live_bid_request set response_status = ?, response = ?, updated_at = clock_timestamp()
      where id = ? and ${ASYNC_COMMIT} is not null`,
    [reply.status, reply.json, requestId]
  )
  return reply
}

/** Gives the key back: a retry decides afresh (after a failure, or for a lot that does not exist). */
async function release(knex: Knex, requestId: string): Promise<void> {
  await knex.raw("delete from live_bid_request where id = ? and response_status is null", [requestId])
}

function toReply(result: PlaceBidResult): BidReply {
  if (result.accepted) {
    const { bid, lot, extended, server_time } = result
    return reply(200, { bid, outcome: bid.outcome, extended, auction: lot, server_time })
  }
  const notFound = result.code === "not_found"
  return reply(notFound ? 404 : 400, {
    type: notFound ? "not_found" : "not_allowed",
    code: result.code,
    message: result.message,
    auction: result.lot,
    server_time: result.server_time,
    ...(result.late_by_ms !== undefined ? { late_by_ms: result.late_by_ms } : {}),
  })
}

function reply<R extends BidReply>(status: R["status"], body: R["body"]): BidReply {
  return { status, body, json: JSON.stringify(body), replayed: false } as BidReply
}

/** A bid stored under the key whose answer was never recorded: accepted, with the lot as it is now. */
function answerFromStoredBid(lot: BidSnapshot, defaults: LotDefaults): BidReply {
  const bid = storedBid(lot.previous_bid!)
  return reply(200, { bid, outcome: bid.outcome, extended: false, auction: publicLot(lot, defaults), server_time: iso(lot.db_now) })
}

function conflict(): BidReply {
  return reply(422, {
    type: "invalid_data",
    code: "idempotency_conflict",
    message: "This idempotency key was already used for another bid request; use a new key for a new bid.",
  })
}

/**
 * One statement: claim the key (insert, or nothing if it is taken), read any earlier request with
 * it, and read the lot as a bid is decided on (a row of nulls when the lot does not exist).
 */
async function claimAndRead(knex: Knex, input: PlaceBidInput, fingerprint: string) {
  const { rows } = await knex.raw(
    `with claim as (
       insert into live_bid_request (id, customer_id, idempotency_key, fingerprint, created_at, updated_at)
       values (:request_id, :customer, :key, :fingerprint, clock_timestamp(), clock_timestamp())
       on conflict (customer_id, idempotency_key) where deleted_at is null do nothing
       returning id
     )
     ${BID_SNAPSHOT_SELECT},
       (select id from claim) as claimed_request_id,
       (select json_build_object('id', r.id, 'fingerprint', r.fingerprint, 'response_status', r.response_status,
                                 'response', r.response,
                                 'age_ms', extract(epoch from clock_timestamp() - r.created_at) * 1000)
          from live_bid_request r
         where r.customer_id = :customer and r.idempotency_key = :key and r.deleted_at is null) as existing_request
     from (select ${ASYNC_COMMIT} as async_commit) as one left join live_auction l on l.id = :id and l.deleted_at is null`,
    {
      request_id: generateEntityId(undefined, "breq"),
      customer: input.customer_id,
      key: input.idempotency_key,
      fingerprint,
      id: input.auction_id,
    }
  )
  const row = rows[0] as BidSnapshot & { claimed_request_id: string | null; existing_request: RequestRecord | null }
  return { claimed: row.claimed_request_id, existing: row.existing_request, lot: row }
}

async function takeOver(knex: Knex, requestId: string): Promise<boolean> {
  const { rows } = await knex.raw(
    `update live_bid_request set created_at = clock_timestamp(), updated_at = clock_timestamp()
      where id = ? and response_status is null
        and created_at < clock_timestamp() - make_interval(secs => ?)
      returning id`,
    [requestId, ABANDONED_AFTER_MS / 1000]
  )
  return rows.length > 0
}

/** Forgets answers older than a day (as Stripe keeps keys for 24 hours); `limit` rows per call. */
export const pruneBidRequests = (knex: Knex, limit = 5000) => forgetOldAnswers(knex, "live_bid_request", limit)
