import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { forgetOldAnswers } from "../../../lib/idempotency-answers"
import { AuctionErrorCodes } from "../../../realtime/contract/errors"
import type { SendChatMessageInput, SendChatMessageResult } from "../service"

type StoredAnswer = { fingerprint: string; response_status: number; response: string }

/**
 * A send with an idempotency key, answered once: the first answer (the stored message, or a
 * refusal) is recorded in the send's transaction and every retry with the key gets it again,
 * marked `replayed`, with nothing published (Stripe's rule, as bids have it). The key reused for
 * another send (show, kind or text differ) is a 422 `idempotency_conflict`. The caller holds the
 * show's chat row, so copies of one send to a live show are decided one after the other.
 */
export async function answerOnce(
  trx: Knex.Transaction,
  input: SendChatMessageInput,
  decide: () => Promise<SendChatMessageResult>
): Promise<SendChatMessageResult> {
  const key = input.idempotency_key!
  const fingerprint = JSON.stringify([input.show_id, input.kind, input.text])
  const { rows } = await trx.raw(
    `select fingerprint, response_status, response from live_chat_send_request
      where customer_id = ? and idempotency_key = ? and deleted_at is null`,
    [input.customer_id, key]
  )
  const first = rows[0] as StoredAnswer | undefined
  if (first) {
    return first.fingerprint === fingerprint ? replay(first) : conflict()
  }
  const result = await decide()
  const status = result.ok ? 200 : result.status
  const body = result.ok ? { message: result.message } : refusalBody(result)
  const now = new Date()
  const inserted = await trx.raw(
    `insert into live_chat_send_request (id, customer_id, idempotency_key, fingerprint, response_status, response, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (customer_id, idempotency_key) where deleted_at is null do nothing returning id`,
    [generateEntityId(undefined, "chreq"), input.customer_id, key, fingerprint, status, JSON.stringify(body), now, now]
  )
  if (!inserted.rows.length) {
    // The same key raced in from another show at the same instant (under another chat row's
    // lock): that send's answer stands; this one rolls back, and its retry is told of the conflict.
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      "A message with this idempotency key is being sent right now; retry in a moment.",
      AuctionErrorCodes.idempotency_in_progress
    )
  }
  return result
}

function replay(first: StoredAnswer): SendChatMessageResult {
  const body = JSON.parse(first.response)
  if (first.response_status === 200) {
    return { ok: true, message: body.message, updates: [], replayed: true }
  }
  return { ok: false, status: first.response_status, ...body, replayed: true }
}

function conflict(): SendChatMessageResult {
  return {
    ok: false,
    status: 422,
    code: AuctionErrorCodes.idempotency_conflict,
    type: "invalid_data",
    message: "This idempotency key was already used for another message; use a new key for a new message.",
  }
}

/** A refusal as the route sends it: everything but `ok`, `status` and `replayed`. */
function refusalBody(result: Extract<SendChatMessageResult, { ok: false }>) {
  const { ok: _ok, status: _status, replayed: _replayed, ...body } = result
  return body
}

/** Send answers are kept a day for retries (Stripe keeps idempotency keys 24 hours). */
export const pruneSendRequests = (knex: Knex, limit = 5000) => forgetOldAnswers(knex, "live_chat_send_request", limit)
