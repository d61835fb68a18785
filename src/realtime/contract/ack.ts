import type { RealtimeErrorCode } from "./errors"

/** Why a call was refused; `retry_after_ms` comes with `rate_limited` and `unavailable`. */
export type AckError = { code: RealtimeErrorCode; message: string; retry_after_ms?: number }

/** Every acknowledgement the realtime server sends: exactly one per client call. */
export type AckResponse<T> = { ok: true; data: T } | { ok: false; error: AckError }

export type Ack<T> = (response: AckResponse<T>) => void
