import type { z } from "zod"
import type { Ack, AckResponse, RealtimeErrorCode } from "../contract"

export const fail = (code: RealtimeErrorCode, message: string): AckResponse<never> => ({ ok: false, error: { code, message } })

/**
 * Wraps a client→server handler: a call without an ack is ignored, a payload the schema refuses
 * gets an `invalid_payload` ack and changes nothing, and a failure becomes an `unknown_error`
 * ack, so handlers never throw and every call is answered once.
 */
export function validated<S extends z.ZodType, R>(
  schema: S,
  handler: (data: z.output<S>, ack: Ack<R>) => void | Promise<void>
): (payload: unknown, ack: Ack<R>) => void {
  return (payload, ack) => {
    if (typeof ack !== "function") {
      return
    }
    const parsed = schema.safeParse(payload)
    if (!parsed.success) {
      ack(fail("invalid_payload", parsed.error.issues[0]?.message ?? "invalid payload"))
      return
    }
    Promise.resolve()
      .then(() => handler(parsed.data, ack))
      .catch((err: Error) => ack(fail("unknown_error", err.message)))
  }
}
