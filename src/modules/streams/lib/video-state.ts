import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { PublisherStatus } from "../../../realtime/contract/transport"
import type { VideoSignal } from "./livekit"

/*
 * The show's video state, changed only by conditional UPDATEs: each names the state it starts
 * from, so a webhook applied twice, or two processes checking the grace period at once, change a
 * show once. Every function answers the ids of the shows it changed (each gets a `show:status`).
 */

/** A webhook applied: the shows it changed, or `duplicate` when its event id was applied before. */
export type AppliedSignal = { duplicate: boolean; changed: string[] }

/**
 * Applies one LiveKit webhook in the caller's transaction: the event id is recorded first (a
 * repeat finds it and changes nothing), then the change, conditional on the show's state.
 */
export async function applySignal(
  trx: Knex.Transaction,
  webhook: { id: string; event_id: string; event: string; room: string | null },
  signal: VideoSignal,
  recordingUrl: (location: string | null, filename: string | null) => string | null
): Promise<AppliedSignal> {
  const { rows: fresh } = await trx.raw(
    `insert into live_video_webhook (id, event_id, event, room_name) values (?, ?, ?, ?)
       on conflict (event_id) where deleted_at is null do nothing returning id`,
    [webhook.id, webhook.event_id, webhook.event, webhook.room]
  )
  if (!fresh.length) {
    return { duplicate: true, changed: [] }
  }
  switch (signal.kind) {
    case "publisher_joined":
      // From any other state: a seller back within the grace period, or after it, is connected.
      return { duplicate: false, changed: await setPublisher(trx, signal.room, "connected", ["offline", "reconnecting", "lost"]) }
    case "publisher_left":
      return { duplicate: false, changed: await setPublisher(trx, signal.room, "reconnecting", ["connected"]) }
    case "room_finished":
      // The room is gone (the show ended, or LiveKit closed it empty): nobody publishes in it.
      return { duplicate: false, changed: await setPublisher(trx, signal.room, "offline", ["connected", "reconnecting", "lost"]) }
    case "egress_ended": {
      const url = signal.ok ? recordingUrl(signal.location, signal.filename) : null
      const { rows } = await trx.raw(
        `update live_show set recording_status = ?, recording_url = ?, updated_at = now()
          where egress_id = ? and recording_status = 'recording' and deleted_at is null returning id`,
        [url ? "ready" : "failed", url, signal.egress_id]
      )
      return { duplicate: false, changed: rows.map((r: { id: string }) => r.id) }
    }
    default:
      return { duplicate: false, changed: [] }
  }
}

async function setPublisher(trx: Knex.Transaction, room: string, to: PublisherStatus, from: PublisherStatus[]): Promise<string[]> {
  const { rows } = await trx.raw(
    `update live_show set publisher_status = ?, publisher_changed_at = now(), updated_at = now()
      where room_name = ? and publisher_status = any(?) and deleted_at is null returning id`,
    [to, room, from]
  )
  return rows.map((r: { id: string }) => r.id)
}

/** Publishers "reconnecting" for longer than the grace period are "lost". */
export async function markLostPublishers(knex: Knex, graceSeconds: number): Promise<string[]> {
  const { rows } = await knex.raw(
    `update live_show set publisher_status = 'lost', publisher_changed_at = now(), updated_at = now()
      where publisher_status = 'reconnecting' and publisher_changed_at <= now() - make_interval(secs => ?)
        and deleted_at is null returning id`,
    [graceSeconds]
  )
  return rows.map((r: { id: string }) => r.id)
}
