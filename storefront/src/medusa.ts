import Medusa from "@medusajs/js-sdk"
import type {
  StoreBidRefusal,
  StoreErrorBody,
  StorePlaceBidRequest,
  StorePlaceBidResponse,
  StoreViewerTokenResponse,
} from "medusa-plugin-live-commerce/store"
import type { ViewerConfig } from "./config"

/** Medusa's JS SDK for the Store API; the customer's token is kept in localStorage. */
export function createSdk(config: ViewerConfig): Medusa {
  return new Medusa({
    baseUrl: config.backend_url,
    publishableKey: config.publishable_key,
    auth: { type: "jwt", jwtTokenStorageMethod: "local" },
  })
}

/** A refusal as the page shows it: the server's machine `code` (when it sent one) and message. */
export type Problem = { code: string; message: string }

/**
 * Any failure as a Problem. The SDK's `FetchError` keeps the message and the HTTP status but not
 * the body's `code`; routes whose code matters (bids) are called with `fetch` below instead.
 */
export function toProblem(err: unknown): Problem {
  if (err && typeof err === "object" && "code" in err && "message" in err) {
    return { code: String(err.code), message: String(err.message) }
  }
  if (err instanceof Error) {
    const status = (err as Error & { status?: number }).status
    return { code: status ? `http_${status}` : "network_error", message: err.message }
  }
  return { code: "unknown_error", message: String(err) }
}

export type BidResult =
  | { ok: true; data: StorePlaceBidResponse }
  | { ok: false; status: number; error: Problem; refusal: StoreBidRefusal | null }

const RETRIES = [300, 900]

/**
 * `POST /store/auctions/:id/bids`. The idempotency key is chosen once per bid attempt by the
 * caller; a network failure or a 409 (`idempotency_in_progress`) is retried with the same key,
 * so a bid can never be placed twice, and a retry of an accepted bid gets its first answer.
 */
export async function placeBid(
  sdk: Medusa,
  config: ViewerConfig,
  auctionId: string,
  body: StorePlaceBidRequest
): Promise<BidResult> {
  const headers = await storeHeaders(sdk, config)
  const url = `${config.backend_url}/store/auctions/${encodeURIComponent(auctionId)}/bids`
  for (let attempt = 0; ; attempt++) {
    let res: Response
    try {
      res = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) })
    } catch (err) {
      if (attempt < RETRIES.length) {
        await sleep(RETRIES[attempt])
        continue
      }
      return { ok: false, status: 0, error: toProblem(err), refusal: null }
    }
    const json: unknown = await res.json().catch(() => ({}))
    if (res.ok) {
      return { ok: true, data: json as StorePlaceBidResponse }
    }
    const error = json as Partial<StoreBidRefusal & StoreErrorBody>
    if (res.status === 409 && attempt < RETRIES.length) {
      await sleep(RETRIES[attempt])
      continue
    }
    return {
      ok: false,
      status: res.status,
      error: { code: error.code ?? `http_${res.status}`, message: error.message ?? res.statusText },
      refusal: error.auction !== undefined ? (error as StoreBidRefusal) : null,
    }
  }
}

export type ViewerTokenResult = { ok: true; data: StoreViewerTokenResponse } | { ok: false; status: number; error: Problem }

/**
 * `POST /store/shows/:id/viewer-token`: a subscribe-only LiveKit token for the show's room, with
 * the customer's identity when logged in (anonymous otherwise). The refusal keeps its `code`
 * (`show_not_live`, `video_not_configured`), which decides whether trying again can help.
 */
export async function requestViewerToken(sdk: Medusa, config: ViewerConfig, showId: string): Promise<ViewerTokenResult> {
  const url = `${config.backend_url}/store/shows/${encodeURIComponent(showId)}/viewer-token`
  let res: Response
  try {
    res = await fetch(url, { method: "POST", headers: await storeHeaders(sdk, config), body: "{}" })
  } catch (err) {
    return { ok: false, status: 0, error: toProblem(err) }
  }
  const json: unknown = await res.json().catch(() => ({}))
  if (res.ok) {
    return { ok: true, data: json as StoreViewerTokenResponse }
  }
  const error = json as Partial<StoreErrorBody>
  return { ok: false, status: res.status, error: { code: error.code ?? `http_${res.status}`, message: error.message ?? res.statusText } }
}

/** JSON headers with the publishable key, and the customer's token when logged in. */
export async function storeHeaders(sdk: Medusa, config: ViewerConfig): Promise<Record<string, string>> {
  const token = await sdk.client.getToken()
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-publishable-api-key": config.publishable_key,
  }
  if (token) {
    headers.authorization = `Bearer ${token}`
  }
  return headers
}

/** A fresh key per bid attempt (retries of that attempt reuse it). */
export function newIdempotencyKey(): string {
  return typeof crypto.randomUUID === "function"
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
