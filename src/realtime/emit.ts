import type { EventPayload, ServerEventName } from "./contract"

type Target = { emit: (...args: any[]) => boolean }

/**
 * Emits `event` with exactly its payload. Socket.io's own typing cannot follow an event name and
 * its payload through a union of deliveries, so the one widening of its `emit` is here, behind a
 * signature that keeps the two together.
 */
export function emitEvent<E extends ServerEventName>(target: Target, event: E, payload: EventPayload<E>): void {
  target.emit(event, payload)
}
