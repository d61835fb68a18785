import type { ClientHandlers } from "./validated"

/** time:sync: the server clock, for countdowns. */
export function timeHandlers(): Pick<ClientHandlers, "time:sync"> {
  return {
    "time:sync": (_args, ack) => ack({ ok: true, data: { server_time: Date.now() } }),
  }
}
