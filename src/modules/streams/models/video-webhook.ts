import { model } from "@medusajs/framework/utils"

/**
 * A LiveKit webhook already applied, by its event id: LiveKit retries a delivery it thinks failed,
 * and a repeated event must change nothing twice. Written in the same transaction as the change.
 */
export const VideoWebhook = model.define(
  { tableName: "live_video_webhook", name: "VideoWebhook" },
  {
    id: model.id({ prefix: "lvwh" }).primaryKey(),
    /** LiveKit's event id (`WebhookEvent.id`). */
    event_id: model.text().unique(),
    /** `room_started`, `participant_left`, `egress_ended`… */
    event: model.text(),
    room_name: model.text().nullable(),
  }
)
