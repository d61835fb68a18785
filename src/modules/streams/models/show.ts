import { model } from "@medusajs/framework/utils"
import { SHOW_STATUSES } from "../../../realtime/contract/transport"

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
      metadata: model.json().nullable(),
    }
  )
  .indexes([{ on: ["seller_id", "status"] }, { on: ["status", "scheduled_at"] }])
