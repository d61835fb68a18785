import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { STREAMS_MODULE } from "../modules/streams"
import { LiveShowEvents } from "../modules/streams/events"
import type StreamsModuleService from "../modules/streams/service"

/**
 * A seller whose video dropped (`reconnecting`) and did not come back within
 * `livekit.publisherGraceSeconds` is `lost`: one conditional UPDATE (safe in several processes at
 * once: a show changes once), then `live_show.video_changed` per show, so its viewers and seller
 * are told on `show:status`. Nothing without LiveKit.
 */
export async function checkPublisherGrace(container: MedusaContainer): Promise<string[]> {
  const lost = await container.resolve<StreamsModuleService>(STREAMS_MODULE).markLostPublishers()
  if (lost.length) {
    await container.resolve(Modules.EVENT_BUS).emit(lost.map((id) => ({ name: LiveShowEvents.VIDEO_CHANGED, data: { id } })))
  }
  return lost
}
