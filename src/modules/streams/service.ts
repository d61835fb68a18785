import type { Context } from "@medusajs/framework/types"
import type { Knex, SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { parseLiveCommerceOptions, type LiveCommerceOptions } from "../../lib/options"
import { VideoErrorCodes } from "../../realtime/contract/errors"
import { LiveKitVideo, roomNameFor, type IngressDetails, type IngressType, type RoomToken, type VideoSignal } from "./lib/livekit"
import { transitionShow, type ShowTransition, type ShowTransitionResult } from "./lib/transitions"
import { applySignal, markLostPublishers, type AppliedSignal } from "./lib/video-state"
import { Seller, Show, VideoWebhook } from "./models"

/** A verified LiveKit webhook, reduced to what the module acts on. */
export type VideoWebhookInput = { event_id: string; event: string; room: string | null; signal: VideoSignal }

type ShowVideoRow = {
  id: string
  status: string
  room_name: string | null
  ingress_id: string | null
  ingress_type: IngressType | null
  ingress_url: string | null
  ingress_stream_key: string | null
  egress_id: string | null
  recording_status: string
}

const VIDEO_COLUMNS = "id, status, room_name, ingress_id, ingress_type, ingress_url, ingress_stream_key, egress_id, recording_status"

export default class StreamsModuleService extends MedusaService({ Show, Seller, VideoWebhook }) {
  protected readonly options_: LiveCommerceOptions
  /** LiveKit, when configured (`livekit` option); null: shows carry an external playback URL. */
  protected readonly video_: LiveKitVideo | null

  constructor(container: Record<string, unknown>, options: unknown) {
    super(...arguments)
    this.options_ = parseLiveCommerceOptions(options)
    this.video_ = this.options_.livekit ? new LiveKitVideo(this.options_.livekit, this.options_.media.s3) : null
  }

  /** Moves a show through its lifecycle with one conditional UPDATE (see lib/transitions.ts). */
  @InjectManager()
  async transitionShow(
    id: string,
    transition: ShowTransition,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ShowTransitionResult> {
    return transitionShow(this.knex_(sharedContext), id, transition)
  }

  /** Which video storefronts get: LiveKit's client URL, or null (external playback URLs). */
  async videoConfig(): Promise<{ livekit_url: string; publisher_grace_seconds: number } | null> {
    return this.video_ ? { livekit_url: this.video_.clientUrl, publisher_grace_seconds: this.video_.options.publisherGraceSeconds } : null
  }

  /** A subscribe-only token for a live show's room (viewers). */
  @InjectManager()
  async viewerToken(showId: string, identity: string, @MedusaContext() sharedContext: Context = {}): Promise<RoomToken> {
    const video = this.requireVideo_()
    const show = await this.showVideo_(this.knex_(sharedContext), showId)
    if (show.status !== "live") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Show ${showId} is not live`, VideoErrorCodes.show_not_live)
    }
    return video.viewerToken(show.room_name ?? roomNameFor(show.id), identity)
  }

  /** The seller's publishing token; the show's room is named on it from now on (webhooks find the show). */
  @InjectManager()
  async publisherToken(showId: string, identity: string, @MedusaContext() sharedContext: Context = {}): Promise<RoomToken> {
    const video = this.requireVideo_()
    const knex = this.knex_(sharedContext)
    const show = this.requireOpen_(await this.showVideo_(knex, showId))
    const room = await this.nameRoom_(knex, show)
    return video.publisherToken(room, identity)
  }

  /** Makes the show's room in LiveKit; answers the room name the show had before (for compensation). */
  @InjectManager()
  async ensureRoom(showId: string, @MedusaContext() sharedContext: Context = {}): Promise<{ room: string; previous: string | null } | null> {
    if (!this.video_) {
      return null
    }
    const knex = this.knex_(sharedContext)
    const show = await this.showVideo_(knex, showId)
    const room = show.room_name ?? roomNameFor(show.id)
    await this.call_(() => this.video_!.createRoom(room))
    await this.nameRoom_(knex, show)
    return { room, previous: show.room_name }
  }

  /** Compensation of `ensureRoom`: LiveKit's room closed and the show's room name as it was. */
  @InjectManager()
  async undoRoom(showId: string, room: string, previous: string | null, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.video_?.deleteRoom(room).catch(() => undefined)
    await this.knex_(sharedContext).raw("update live_show set room_name = ?, updated_at = now() where id = ?", [previous, showId])
  }

  /**
   * Starts recording the show's room to S3 (LiveKit's room-composite egress). Never throws: a show
   * goes live without its recording (`recording_status` "failed" and a warning in the answer).
   * Without S3 nothing is recorded.
   */
  @InjectManager()
  async startRecording(showId: string, @MedusaContext() sharedContext: Context = {}): Promise<{ egress_id: string | null; warning?: string }> {
    if (!this.video_?.recordsToS3) {
      return { egress_id: null }
    }
    const knex = this.knex_(sharedContext)
    const show = await this.showVideo_(knex, showId)
    try {
      const egressId = await this.video_.startRecording(show.room_name ?? roomNameFor(show.id), show.id)
      await knex.raw(
        `update live_show set egress_id = ?, recording_status = 'recording', recording_url = null, updated_at = now()
          where id = ? and recording_status in ('none', 'failed')`,
        [egressId, showId]
      )
      return { egress_id: egressId }
    } catch (err) {
      await knex.raw(`update live_show set recording_status = 'failed', updated_at = now() where id = ? and recording_status = 'none'`, [showId])
      return { egress_id: null, warning: `Recording did not start: ${(err as Error).message}` }
    }
  }

  /**
   * Off air: the recording stopped (its file is written; `egress_ended` sets the URL), the ingress
   * deleted and the room closed, which disconnects everyone. Best effort with each: the show has
   * ended either way; what failed is answered as warnings.
   */
  @InjectManager()
  async closeVideo(showId: string, @MedusaContext() sharedContext: Context = {}): Promise<{ warnings: string[] }> {
    const video = this.video_
    if (!video) {
      return { warnings: [] }
    }
    const knex = this.knex_(sharedContext)
    const show = await this.showVideo_(knex, showId)
    const warnings: string[] = []
    const attempt = async (what: string, fn: () => Promise<void>) => fn().catch((err: Error) => warnings.push(`${what}: ${err.message}`))
    if (show.egress_id && show.recording_status === "recording") {
      await attempt("stopping the recording", () => video.stopRecording(show.egress_id!))
    }
    if (show.ingress_id) {
      await attempt("deleting the ingress", () => video.deleteIngress(show.ingress_id!))
      await knex.raw(
        `update live_show set ingress_id = null, ingress_type = null, ingress_url = null, ingress_stream_key = null, updated_at = now()
          where id = ? and ingress_id = ?`,
        [showId, show.ingress_id]
      )
    }
    if (show.room_name) {
      await attempt("closing the room", () => video.deleteRoom(show.room_name!).catch(ignoreNotFound))
    }
    await knex.raw(
      `update live_show set publisher_status = 'offline', publisher_changed_at = now(), updated_at = now()
        where id = ? and publisher_status <> 'offline'`,
      [showId]
    )
    return { warnings }
  }

  /** The show's OBS ingress, if one was made (with its stream key: for its seller and staff only). */
  @InjectManager()
  async getIngress(showId: string, @MedusaContext() sharedContext: Context = {}): Promise<IngressDetails | null> {
    this.requireVideo_()
    return toIngress(await this.showVideo_(this.knex_(sharedContext), showId))
  }

  /**
   * An RTMP or WHIP ingress for OBS: made in LiveKit once per show; the same type again answers
   * the one there is, another type replaces it (the old one is deleted in LiveKit).
   */
  @InjectManager()
  async createIngress(showId: string, type: IngressType, @MedusaContext() sharedContext: Context = {}): Promise<IngressDetails> {
    const video = this.requireVideo_()
    const knex = this.knex_(sharedContext)
    const show = this.requireOpen_(await this.showVideo_(knex, showId))
    const existing = toIngress(show)
    if (existing?.type === type) {
      return existing
    }
    const room = await this.nameRoom_(knex, show)
    const made = await this.call_(() => video.createIngress(room, show.id, type))
    // Only over the one this request saw: of two requests at once, one ingress is kept.
    const { rows } = await knex.raw(
      `update live_show set ingress_id = ?, ingress_type = ?, ingress_url = ?, ingress_stream_key = ?, updated_at = now()
        where id = ? and ingress_id is not distinct from ? returning id`,
      [made.id, made.type, made.url, made.stream_key, show.id, show.ingress_id]
    )
    if (!rows.length) {
      await video.deleteIngress(made.id).catch(() => undefined)
      return this.createIngress(showId, type, sharedContext)
    }
    if (existing) {
      await video.deleteIngress(existing.id).catch(() => undefined)
    }
    return made
  }

  /** Checks a webhook's signature against its raw body (LiveKit's `WebhookReceiver`). */
  async receiveVideoWebhook(rawBody: string, authorization: string | undefined): Promise<VideoWebhookInput> {
    const video = this.requireVideo_()
    try {
      const { event, signal } = await video.receive(rawBody, authorization)
      return { event_id: event.id, event: event.event, room: event.room?.name || null, signal }
    } catch (err) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `LiveKit webhook refused: ${(err as Error).message}`, VideoErrorCodes.invalid_signature)
    }
  }

  /** Applies a verified webhook once per event id (see lib/video-state.ts). */
  @InjectManager()
  async applyVideoWebhook(input: VideoWebhookInput, @MedusaContext() sharedContext: Context = {}): Promise<AppliedSignal> {
    if (!input.event_id) {
      return { duplicate: false, changed: [] }
    }
    return this.applyVideoWebhook_(input, sharedContext)
  }

  /** The event id recorded and the change made in one transaction (the caller's, or a new one). */
  @InjectTransactionManager()
  protected async applyVideoWebhook_(input: VideoWebhookInput, @MedusaContext() sharedContext: Context = {}): Promise<AppliedSignal> {
    const trx = (sharedContext.transactionManager as SqlEntityManager).getTransactionContext<Knex.Transaction>()!
    const url = (location: string | null, filename: string | null) => this.video_?.recordingUrl(location, filename) ?? location
    return applySignal(trx, { id: generateEntityId(undefined, "lvwh"), ...input }, input.signal, url)
  }

  /** Publishers who dropped longer than the grace period ago are "lost": the shows changed. */
  @InjectManager()
  async markLostPublishers(@MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    if (!this.video_) {
      return []
    }
    return markLostPublishers(this.knex_(sharedContext), this.video_.options.publisherGraceSeconds)
  }

  /**
   * Whether any show (deleted ones too) points at the object `key` in its thumbnail, preview or
   * recording, under whatever base URL: a URL containing the key counts, so in doubt it is kept.
   */
  @InjectManager()
  async isMediaInUse(key: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const { rows } = await this.knex_(sharedContext).raw(
      `select 1 from live_show where strpos(thumbnail, ?) > 0 or strpos(preview_url, ?) > 0 or strpos(recording_url, ?) > 0 limit 1`,
      [key, key, key]
    )
    return rows.length > 0
  }

  protected knex_(context: { manager?: unknown }): Knex {
    return (context.manager as SqlEntityManager).getKnex()
  }

  protected requireVideo_(): LiveKitVideo {
    if (!this.video_) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Video (LiveKit) is not configured on this store", VideoErrorCodes.video_not_configured)
    }
    return this.video_
  }

  protected requireOpen_(show: ShowVideoRow): ShowVideoRow {
    if (show.status === "ended" || show.status === "cancelled") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Show ${show.id} is ${show.status}`, VideoErrorCodes.show_closed)
    }
    return show
  }

  protected async showVideo_(knex: Knex, id: string): Promise<ShowVideoRow> {
    const { rows } = await knex.raw(`select ${VIDEO_COLUMNS} from live_show where id = ? and deleted_at is null`, [id])
    if (!rows[0]) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Show ${id} not found`)
    }
    return rows[0]
  }

  /** The show's room name, set once (its id): webhooks about the room find the show by it. */
  protected async nameRoom_(knex: Knex, show: ShowVideoRow): Promise<string> {
    if (show.room_name) {
      return show.room_name
    }
    const { rows } = await knex.raw(
      "update live_show set room_name = coalesce(room_name, ?), updated_at = now() where id = ? returning room_name",
      [roomNameFor(show.id), show.id]
    )
    return rows[0].room_name
  }

  /** A LiveKit call; its failure is a 503 `video_unavailable` (nothing was written before it). */
  protected async call_<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (err) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `LiveKit did not answer: ${(err as Error).message}`, VideoErrorCodes.video_unavailable)
    }
  }
}

function toIngress(show: ShowVideoRow): IngressDetails | null {
  return show.ingress_id && show.ingress_type
    ? { id: show.ingress_id, type: show.ingress_type, url: show.ingress_url ?? "", stream_key: show.ingress_stream_key ?? "" }
    : null
}

/** Closing a room LiveKit already closed (it was empty) is done. */
function ignoreNotFound(err: { status?: number; code?: string }): void {
  if (err?.status !== 404 && err?.code !== "not_found") {
    throw err
  }
}
