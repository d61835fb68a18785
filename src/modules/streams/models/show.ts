import { model } from "@medusajs/framework/utils"
import { PUBLISHER_STATUSES, RECORDING_STATUSES, SHOW_STATUSES } from "../../../realtime/contract/transport"

/**
 * A show: one live stream by one seller, in which lots run one after another.
 * Lots point at it with their `show_id`; viewers follow it in the `show:<id>` room.
 */
export const Show = model
  .define(
    { tableName: "live_show", name: "Show" },
    {
      id: model.id({ prefix: "show" }).primaryKey(),
      title: model.text().searchable(),
      description: model.text().nullable(),
      /** The admin user who runs the show (their console is the `seller:<id>` room). */
      seller_id: model.text(),
      /** scheduled → live → ended, or scheduled → cancelled */
      status: model.enum([...SHOW_STATUSES]).default("scheduled"),
      /** When viewers are told it starts; going live does not wait for it. */
      scheduled_at: model.dateTime().nullable(),
      started_at: model.dateTime().nullable(),
      ended_at: model.dateTime().nullable(),
      /** Where viewers watch when the video is not carried by LiveKit (an HLS or embed URL). */
      playback_url: model.text().nullable(),
      thumbnail: model.text().nullable(),
      /** A preview video on S3 (uploaded by the seller), shown before the show starts. */
      preview_url: model.text().nullable(),
      /** The show's LiveKit room (its id), set when video first needs one (go-live, an ingress). */
      room_name: model.text().nullable(),
      /** The OBS ingest LiveKit made for the show, if the seller asked for one. */
      ingress_id: model.text().nullable(),
      ingress_type: model.enum(["rtmp", "whip"]).nullable(),
      ingress_url: model.text().nullable(),
      /** Secret: only the show's seller and staff see it (never the store API). */
      ingress_stream_key: model.text().nullable(),
      /** The room-composite egress recording the show to S3. */
      egress_id: model.text().nullable(),
      recording_status: model.enum([...RECORDING_STATUSES]).default("none"),
      recording_url: model.text().nullable(),
      /** Whether the seller's video reaches the room (LiveKit webhooks and the grace check move it). */
      publisher_status: model.enum([...PUBLISHER_STATUSES]).default("offline"),
      publisher_changed_at: model.dateTime().nullable(),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    { on: ["seller_id", "status"] },
    { on: ["status", "scheduled_at"] },
    { on: ["room_name"], where: "room_name IS NOT NULL" },
    { on: ["egress_id"], where: "egress_id IS NOT NULL" },
  ])
