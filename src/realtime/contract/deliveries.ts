import type { ServerToClientEvents } from "./events"

/*
 * What travels to clients, typed by `ServerToClientEvents`: a delivery names one event and carries
 * exactly that event's payload, so a payload that drifts from the contract fails the typecheck
 * where it is built, on Medusa's side and in the sidecar.
 */

export type ServerEventName = keyof ServerToClientEvents

/** The payload a client receives with `event`. */
export type EventPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0]

/** A lot stream's events: numbered per room (`seq`, `prev_seq`), replayed to rejoining clients. */
export type StreamEventName = "bid:placed" | "auction:started" | "auction:extended" | "auction:closed" | "auction:cancelled" | "auction:rerun"

/** A stream event before a room numbers it: what a lot event shows every viewer. */
export type LotBroadcast = {
  [E in StreamEventName]: { event: E; payload: Omit<EventPayload<E>, "room" | "seq" | "prev_seq"> }
}[StreamEventName]

/** A stream event bound for one room, at its seq there; `prev_seq` is added when it goes out. */
export type StreamDelivery = {
  [E in StreamEventName]: { room: string; seq: number; event: E; payload: Omit<EventPayload<E>, "prev_seq"> }
}[StreamEventName]

/** A stream event as delivered (and replayed): its full payload. */
export type DeliveredStreamEvent = {
  [E in StreamEventName]: { room: string; seq: number; prev_seq: number; event: E; payload: EventPayload<E> }
}[StreamEventName]

/** Private notices: one customer's `user:<id>` room, not part of any stream. */
export type NoticeEventName =
  | "auction:outbid"
  | "auction:won"
  | "auction:payment_due"
  | "auction:payment_reminder"
  | "auction:charge_failed"
  | "auction:forfeited"

/** A private notice for one customer, keyed by its event: exactly that event's payload (the room is theirs). */
export type Notice<E extends NoticeEventName = NoticeEventName> = {
  [K in E]: { customer_id: string; event: K; payload: Omit<EventPayload<K>, "room"> }
}[E]
