import type { RealtimeErrorCode } from "./errors"

/** Every acknowledgement the realtime server sends: exactly one per client call. */
export type AckResponse<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: RealtimeErrorCode; message: string } }

export type Ack<T> = (response: AckResponse<T>) => void
