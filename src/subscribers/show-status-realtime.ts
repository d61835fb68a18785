import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LIVE_EVENTS_MODULE } from "../modules/live-events"
import type LiveEventsModuleService from "../modules/live-events/service"
import { STREAMS_MODULE } from "../modules/streams"
import { LiveShowEvents } from "../modules/streams/events"
import type StreamsModuleService from "../modules/streams/service"

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)

/**
 * Tells a show's viewers and its seller, live, that it went live, ended or was cancelled, or that
 * its video changed (the seller dropped or came back, the recording is ready).
 */
export default async function showStatusRealtime({ event, container }: SubscriberArgs<{ id: string }>) {
  const streams: StreamsModuleService = container.resolve(STREAMS_MODULE)
  const liveEvents: LiveEventsModuleService = container.resolve(LIVE_EVENTS_MODULE)
  try {
    const [show] = await streams.listShows({ id: event.data.id })
    if (!show) {
      return
    }
    await liveEvents.publish([
      {
        show: {
          show_id: show.id,
          seller_id: show.seller_id,
          status: show.status,
          started_at: iso(show.started_at),
          ended_at: iso(show.ended_at),
          publisher_status: show.publisher_status,
          recording_url: show.recording_url ?? null,
        },
      },
    ])
  } catch (err) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`live-commerce: show status not sent live: ${(err as Error).message}`)
  }
}

export const config: SubscriberConfig = { event: Object.values(LiveShowEvents) }
