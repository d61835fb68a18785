/** A monotonically increasing Prometheus counter. */
export class Counter {
  value = 0
  constructor(
    readonly name: string,
    readonly help: string
  ) {}
  inc(by: number) {
    this.value += by
  }
}

/** A Prometheus histogram with fixed buckets (upper bounds, in the observed unit). */
export class Histogram {
  readonly counts: number[]
  sum = 0
  count = 0
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: number[]
  ) {
    this.counts = buckets.map(() => 0)
  }
  observe(value: number) {
    this.sum += value
    this.count++
    for (let i = 0; i < this.buckets.length; i++) {
      if (value <= this.buckets[i]) {
        this.counts[i]++
      }
    }
  }
}

export type Metrics = ReturnType<typeof createMetrics>

/** The sidecar's counters; gauges are read at scrape time (see renderMetrics). */
export function createMetrics() {
  return {
    eventsIn: new Counter("live_realtime_events_in_total", "Lot events received from the transport"),
    eventsOut: new Counter("live_realtime_events_out_total", "Events emitted to rooms"),
    deliveries: new Counter("live_realtime_deliveries_total", "Event copies written to sockets"),
    duplicates: new Counter("live_realtime_duplicates_dropped_total", "Events dropped as already delivered"),
    conflated: new Counter("live_realtime_conflated_total", "Price updates replaced by a newer one"),
    gaps: new Counter("live_realtime_gaps_total", "Seq gaps delivered unfilled (no event log configured)"),
    catchUps: new Counter("live_realtime_catch_ups_total", "Reads of the event log to fill a gap or after a reconnect"),
    recovered: new Counter("live_realtime_recovered_events_total", "Events delivered from the event log"),
    slowConsumers: new Counter(
      "live_realtime_slow_consumer_disconnects_total",
      "Clients disconnected for not reading (buffer over the limit)"
    ),
    rejectedHandshakes: new Counter("live_realtime_rejected_handshakes_total", "Connections refused at the handshake"),
    unanswerableCalls: new Counter(
      "live_realtime_unanswerable_calls_total",
      "Client calls whose last argument is not an ack function: nothing to answer, ignored"
    ),
    invalidCalls: new Counter("live_realtime_invalid_calls_total", "Client calls refused as invalid_payload or unknown_event"),
    failedCalls: new Counter("live_realtime_failed_calls_total", "Client calls that failed on the server (answered unknown_error)"),
    joinsRateLimited: new Counter("live_realtime_joins_rate_limited_total", "Room joins refused as rate_limited"),
    joinsRoomNotFound: new Counter("live_realtime_joins_room_not_found_total", "Room joins refused as room_not_found"),
    joinsUnavailable: new Counter(
      "live_realtime_joins_unavailable_total",
      "Room joins refused as unavailable: the database did not say in time whether the room exists"
    ),
    roomLookups: new Counter("live_realtime_room_lookups_total", "Queries asking the database which lots and shows exist"),
    eventAge: new Histogram(
      "live_realtime_event_age_seconds",
      "From the event's server_time (the database clock at the change) to its arrival here: the transport's lag (plus any clock skew between hosts)",
      [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
    ),
  }
}

export type Gauge = { name: string; help: string; value: number; labels?: Record<string, string> }

/** Prometheus text exposition format, version 0.0.4. */
export function renderMetrics(metrics: Metrics, gauges: Gauge[]): string {
  const lines: string[] = []
  for (const m of Object.values(metrics)) {
    if (m instanceof Histogram) {
      lines.push(`# HELP ${m.name} ${m.help}`, `# TYPE ${m.name} histogram`)
      m.buckets.forEach((le, i) => lines.push(`${m.name}_bucket{le="${le}"} ${m.counts[i]}`))
      lines.push(`${m.name}_bucket{le="+Inf"} ${m.count}`, `${m.name}_sum ${m.sum}`, `${m.name}_count ${m.count}`)
    } else {
      lines.push(`# HELP ${m.name} ${m.help}`, `# TYPE ${m.name} counter`, `${m.name} ${m.value}`)
    }
  }
  const seen = new Set<string>()
  for (const g of gauges) {
    if (!seen.has(g.name)) {
      seen.add(g.name)
      lines.push(`# HELP ${g.name} ${g.help}`, `# TYPE ${g.name} gauge`)
    }
    const labels = g.labels
      ? `{${Object.entries(g.labels)
          .map(([k, v]) => `${k}="${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`)
          .join(",")}}`
      : ""
    lines.push(`${g.name}${labels} ${g.value}`)
  }
  return lines.join("\n") + "\n"
}
