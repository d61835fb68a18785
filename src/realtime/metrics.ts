import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client"

export type Metrics = ReturnType<typeof createMetrics>

/** Live figures read at scrape time, not kept up to date on every change. */
export type LiveFigures = {
  connections: () => number
  rooms: () => number
  streams: () => number
}

// Transport lag: from a few milliseconds (same host) to seconds (a backlog after a reconnect).
const EVENT_AGE_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

/**
 * The sidecar's counters and histogram, in a registry of their own (never prom-client's global
 * one, which a host app may use, and where a second sidecar in the process would clash).
 * Counters are unlabelled: the fan-out calls `inc` per event and per delivery.
 */
export function createMetrics() {
  const registry = new Registry()
  const counter = (name: string, help: string) => new Counter({ name, help, registers: [registry] })
  return {
    registry,
    eventsIn: counter("live_realtime_events_in_total", "Lot events received from the transport"),
    eventsOut: counter("live_realtime_events_out_total", "Events emitted to rooms"),
    deliveries: counter("live_realtime_deliveries_total", "Event copies written to sockets"),
    duplicates: counter("live_realtime_duplicates_dropped_total", "Events dropped as already delivered"),
    conflated: counter("live_realtime_conflated_total", "Price updates replaced by a newer one"),
    gaps: counter("live_realtime_gaps_total", "Seq gaps delivered unfilled (no event log configured)"),
    catchUps: counter("live_realtime_catch_ups_total", "Reads of the event log to fill a gap or after a reconnect"),
    recovered: counter("live_realtime_recovered_events_total", "Events delivered from the event log"),
    slowConsumers: counter(
      "live_realtime_slow_consumer_disconnects_total",
      "Clients disconnected for not reading (buffer over the limit)"
    ),
    rejectedHandshakes: counter("live_realtime_rejected_handshakes_total", "Connections refused at the handshake"),
    unanswerableCalls: counter(
      "live_realtime_unanswerable_calls_total",
      "Client calls whose last argument is not an ack function: nothing to answer, ignored"
    ),
    invalidCalls: counter("live_realtime_invalid_calls_total", "Client calls refused as invalid_payload or unknown_event"),
    failedCalls: counter("live_realtime_failed_calls_total", "Client calls that failed on the server (answered unknown_error)"),
    joinsRateLimited: counter("live_realtime_joins_rate_limited_total", "Room joins refused as rate_limited"),
    joinsRoomNotFound: counter("live_realtime_joins_room_not_found_total", "Room joins refused as room_not_found"),
    joinsUnavailable: counter(
      "live_realtime_joins_unavailable_total",
      "Room joins refused as unavailable: the database did not say in time whether the room exists"
    ),
    roomLookups: counter("live_realtime_room_lookups_total", "Queries asking the database which lots and shows exist"),
    eventAge: new Histogram({
      name: "live_realtime_event_age_seconds",
      help: "From the event's server_time (the database clock at the change) to its arrival here: the transport's lag (plus any clock skew between hosts)",
      buckets: EVENT_AGE_BUCKETS,
      registers: [registry],
    }),
  }
}

let processRegistry: Registry | undefined

/**
 * prom-client's default metrics (process CPU and memory, event-loop lag, GC, handles), collected
 * once per process. They describe the process, not one sidecar, and prom-client cannot stop
 * them: each collection starts an event-loop monitor and a GC observer for good, so collecting
 * per server would leave both behind for every sidecar a test closes.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry()
    collectDefaultMetrics({ register: processRegistry })
  }
  return processRegistry
}

/**
 * This sidecar's `/metrics` registry: the process's default metrics, its counters, its gauges
 * (read from `live` at scrape time) and `live_realtime_info{node}`, which names the node, so N
 * sidecars behind one scrape job can be told apart.
 */
export function sidecarRegistry(metrics: Metrics, node: string, live: LiveFigures): Registry {
  const registers = [metrics.registry]
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(read())
      },
    })
  gauge("live_realtime_connections", "Open connections on this node", live.connections)
  gauge("live_realtime_rooms", "Rooms with at least one member on this node", live.rooms)
  gauge("live_realtime_streams", "Room streams tracked on this node", live.streams)
  new Gauge({ name: "live_realtime_info", help: "This sidecar; always 1", labelNames: ["node"], registers }).set({ node }, 1)
  return Registry.merge([processMetrics(), metrics.registry])
}
