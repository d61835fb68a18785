import type { Socket } from "socket.io"
import type { z } from "zod"
import {
  ClientToServerPayloads,
  type Ack,
  type AckResponse,
  type ClientEventName,
  type ClientToServerEvents,
  type ClientToServerResults,
  type InterServerEvents,
  type RealtimeErrorCode,
  type ServerToClientEvents,
  type SocketData,
} from "../contract"
import type { Metrics } from "../metrics"

export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>

export const fail = (code: RealtimeErrorCode, message: string, retryAfterMs?: number): AckResponse<never> => ({
  ok: false,
  error: retryAfterMs === undefined ? { code, message } : { code, message, retry_after_ms: retryAfterMs },
})

/** Handles one client→server event: gets its arguments, parsed with the event's tuple, and its ack. */
export type ClientHandler<E extends ClientEventName> = (
  args: z.output<(typeof ClientToServerPayloads)[E]>,
  ack: Ack<ClientToServerResults[E]>
) => void | Promise<void>

/** A handler for every declared event: leaving one out is a compile error. */
export type ClientHandlers = { [E in ClientEventName]: ClientHandler<E> }

export type CallReport = { metrics: Metrics; log: (message: string) => void }

// Zod's messages can quote the input (an unknown key's name): never send back more than this.
const MAX_MESSAGE_LENGTH = 200
const UNKNOWN_ERROR_MESSAGE = "Something went wrong on the server; try again."

/** The first issue, as `path: message`, short enough to send back. */
function describe(error: z.ZodError): string {
  const issue = error.issues[0]
  const text = issue ? [issue.path.join("."), issue.message].filter(Boolean).join(": ") : "invalid payload"
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text
}

/** Calls `ack` once; later calls are dropped, so a handler cannot answer twice. */
function once<T>(ack: Ack<T>): Ack<T> {
  let sent = false
  return (response) => {
    if (!sent) {
      sent = true
      ack(response)
    }
  }
}

/**
 * Wraps the handler of `event` so every call is answered exactly once and nothing throws out:
 * the ack is the last argument when it is a function (without one there is nothing to answer:
 * the call is counted and ignored); the arguments before it must match the event's tuple in
 * `ClientToServerPayloads` (count and shape), else `invalid_payload`; a failure is logged and
 * answered `unknown_error` without its message, which may hold internals.
 */
export function validated<E extends ClientEventName>(
  event: E,
  handler: ClientHandler<E>,
  report: CallReport
): (...args: unknown[]) => void {
  const schema = ClientToServerPayloads[event]
  const arity = schema.def.items.length
  return (...args) => {
    const last = args.at(-1)
    if (typeof last !== "function") {
      report.metrics.unanswerableCalls.inc(1)
      return
    }
    const ack = once(last as Ack<ClientToServerResults[E]>)
    const given = args.slice(0, -1)
    if (given.length !== arity) {
      report.metrics.invalidCalls.inc(1)
      ack(fail("invalid_payload", `${event} takes ${arity} argument(s) before the ack, not ${given.length}.`))
      return
    }
    const parsed = schema.safeParse(given)
    if (!parsed.success) {
      report.metrics.invalidCalls.inc(1)
      ack(fail("invalid_payload", describe(parsed.error)))
      return
    }
    Promise.resolve()
      .then(() => handler(parsed.data as z.output<(typeof ClientToServerPayloads)[E]>, ack))
      .catch((err: unknown) => {
        report.metrics.failedCalls.inc(1)
        report.log(`realtime: ${event} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
        ack(fail("unknown_error", UNKNOWN_ERROR_MESSAGE))
      })
  }
}

const DECLARED = Object.keys(ClientToServerPayloads) as ClientEventName[]

/**
 * Registers a handler for every event declared in the contract, and nothing else; a call to an
 * event that is not declared is answered `unknown_event`, so a client's typo fails loudly.
 */
export function registerClientHandlers(socket: RealtimeSocket, handlers: ClientHandlers, report: CallReport) {
  const listener = <E extends ClientEventName>(event: E) => validated(event, handlers[event], report)
  for (const event of DECLARED) {
    socket.on(event, listener(event))
  }
  socket.onAny((event: string, ...args: unknown[]) => {
    if (DECLARED.includes(event as ClientEventName)) {
      return
    }
    const last = args.at(-1)
    if (typeof last !== "function") {
      report.metrics.unanswerableCalls.inc(1)
      return
    }
    report.metrics.invalidCalls.inc(1)
    ;(last as Ack<never>)(fail("unknown_event", `Unknown event; this server handles ${DECLARED.join(", ")}.`))
  })
}
