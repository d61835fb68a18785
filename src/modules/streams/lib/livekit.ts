import {
  AccessToken,
  EgressClient,
  EgressStatus,
  EncodedFileOutput,
  EncodedFileType,
  IngressClient,
  IngressInput,
  RoomServiceClient,
  S3Upload,
  WebhookReceiver,
  type VideoGrant,
  type WebhookEvent,
} from "livekit-server-sdk"
import type { LiveCommerceOptions } from "../../../lib/options"

type LivekitOptions = NonNullable<LiveCommerceOptions["livekit"]>
type S3Options = NonNullable<LiveCommerceOptions["media"]["s3"]>

/** A token for one room, as the routes answer it. */
export type RoomToken = { token: string; url: string; room: string; identity: string; expires_at: string }

export type IngressType = "rtmp" | "whip"
export type IngressDetails = { id: string; type: IngressType; url: string; stream_key: string }

/** What a webhook says about a show, reduced to what the streams module acts on. */
export type VideoSignal =
  | { kind: "room_started" | "room_finished"; room: string }
  | { kind: "publisher_joined" | "publisher_left"; room: string; identity: string }
  | { kind: "egress_ended"; egress_id: string; room: string; ok: boolean; location: string | null; filename: string | null }
  | { kind: "ignored" }

/** How long a seller's publisher token is good for joining (a show runs for hours; rejoining asks again). */
const PUBLISHER_TOKEN_TTL_SECONDS = 4 * 3600
/** LiveKit closes an empty room after this long: a seller whose browser reloads finds it still there. */
const ROOM_EMPTY_TIMEOUT_SECONDS = 10 * 60

/** The show's room in LiveKit: its id (`show_01…`), so a webhook's room names the show. */
export const roomNameFor = (showId: string) => showId

/** The identity an ingress publishes as (OBS): counted as the show's publisher, like `seller:*`. */
export const ingressIdentityFor = (showId: string) => `ingress:${showId}`

/**
 * The plugin's LiveKit: tokens (signed locally), rooms, ingress and egress over LiveKit's Twirp
 * API (the SDK's clients), and webhooks checked with the SDK's receiver. One per streams module,
 * made only when `livekit` is configured.
 */
export class LiveKitVideo {
  readonly rooms: RoomServiceClient
  readonly ingress: IngressClient
  readonly egress: EgressClient
  private readonly receiver: WebhookReceiver

  constructor(
    readonly options: LivekitOptions,
    private readonly s3: S3Options | undefined
  ) {
    const host = apiHost(options.url)
    this.rooms = new RoomServiceClient(host, options.apiKey, options.apiSecret)
    this.ingress = new IngressClient(host, options.apiKey, options.apiSecret)
    this.egress = new EgressClient(host, options.apiKey, options.apiSecret)
    this.receiver = new WebhookReceiver(options.apiKey, options.apiSecret)
  }

  /** The URL clients (livekit-client) connect to: the same host over ws(s). */
  get clientUrl(): string {
    return (this.options.publicUrl ?? this.options.url).replace(/^http/, "ws")
  }

  get recordsToS3(): boolean {
    return !!this.s3
  }

  /** A viewer's token: joins this room only, subscribes, never publishes (not even data). */
  viewerToken(room: string, identity: string): Promise<RoomToken> {
    return this.token(room, identity, this.options.viewerTokenTtlSeconds, {
      roomJoin: true,
      room,
      canSubscribe: true,
      canPublish: false,
      canPublishData: false,
    })
  }

  /** The seller's token: joins this room only and publishes their camera and microphone. */
  publisherToken(room: string, identity: string): Promise<RoomToken> {
    return this.token(room, identity, PUBLISHER_TOKEN_TTL_SECONDS, {
      roomJoin: true,
      room,
      canSubscribe: true,
      canPublish: true,
      canPublishData: true,
    })
  }

  private async token(room: string, identity: string, ttlSeconds: number, grant: VideoGrant): Promise<RoomToken> {
    const at = new AccessToken(this.options.apiKey, this.options.apiSecret, { identity, ttl: ttlSeconds })
    at.addGrant(grant)
    const token = await at.toJwt()
    const exp = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString()).exp as number
    return { token, url: this.clientUrl, room, identity, expires_at: new Date(exp * 1000).toISOString() }
  }

  async createRoom(room: string): Promise<void> {
    await this.rooms.createRoom({ name: room, emptyTimeout: ROOM_EMPTY_TIMEOUT_SECONDS })
  }

  /** Closes the room: everyone in it is disconnected. */
  async deleteRoom(room: string): Promise<void> {
    await this.rooms.deleteRoom(room)
  }

  async createIngress(room: string, showId: string, type: IngressType): Promise<IngressDetails> {
    const info = await this.ingress.createIngress(type === "rtmp" ? IngressInput.RTMP_INPUT : IngressInput.WHIP_INPUT, {
      name: `${showId} ${type}`,
      roomName: room,
      participantIdentity: ingressIdentityFor(showId),
      participantName: "Seller (OBS)",
    })
    return { id: info.ingressId, type, url: info.url, stream_key: info.streamKey }
  }

  async deleteIngress(id: string): Promise<void> {
    await this.ingress.deleteIngress(id)
  }

  /** Records the room (every track composed) to one MP4 on S3; null without S3 configured. */
  async startRecording(room: string, showId: string): Promise<string | null> {
    if (!this.s3) {
      return null
    }
    const s3 = this.s3
    const output = new EncodedFileOutput({
      fileType: EncodedFileType.MP4,
      filepath: `recordings/${showId}/{time}.mp4`,
      output: {
        case: "s3",
        value: new S3Upload({
          accessKey: s3.accessKeyId,
          secret: s3.secretAccessKey,
          region: s3.region,
          bucket: s3.bucket,
          endpoint: s3.endpoint ?? "",
          forcePathStyle: s3.forcePathStyle ?? false,
        }),
      },
    })
    const info = await this.egress.startRoomCompositeEgress(room, { file: output }, { layout: "speaker" })
    return info.egressId
  }

  async stopRecording(egressId: string): Promise<void> {
    await this.egress.stopEgress(egressId)
  }

  /** Where a finished recording is read: the public URL of its object when one is configured. */
  recordingUrl(location: string | null, filename: string | null): string | null {
    if (this.s3?.publicUrl && filename) {
      return `${this.s3.publicUrl.replace(/\/$/, "")}/${filename.replace(/^\//, "")}`
    }
    return location || null
  }

  /**
   * Checks a webhook as LiveKit signs it (a JWT from the API key and secret whose `sha256` claim
   * is the body's digest) and reduces it to a signal. Throws on a bad signature or body.
   */
  async receive(rawBody: string, authorization: string | undefined): Promise<{ event: WebhookEvent; signal: VideoSignal }> {
    const event = await this.receiver.receive(rawBody, authorization)
    return { event, signal: toVideoSignal(event) }
  }
}

/** The API host for a client URL: LiveKit serves Twirp on the same host over http(s). */
export function apiHost(url: string): string {
  return url.replace(/^ws/, "http")
}

const PUBLISHER = /^(seller:|ingress:)/
/** `ParticipantInfo.Kind.INGRESS` in LiveKit's protocol (the SDK does not re-export the enum). */
const INGRESS_KIND = 1

/** What a webhook means for a show: only the seller's video (browser or OBS), the room, the recording. */
export function toVideoSignal(event: WebhookEvent): VideoSignal {
  const room = event.room?.name ?? ""
  switch (event.event) {
    case "room_started":
    case "room_finished":
      return room ? { kind: event.event, room } : { kind: "ignored" }
    case "participant_joined":
    case "participant_left":
    case "participant_connection_aborted": {
      const p = event.participant
      // Only the seller's video counts: the browser publisher (`seller:<user>`) or OBS (the ingress).
      if (!room || !p || !(PUBLISHER.test(p.identity) || (p.kind as number) === INGRESS_KIND)) {
        return { kind: "ignored" }
      }
      return { kind: event.event === "participant_joined" ? "publisher_joined" : "publisher_left", room, identity: p.identity }
    }
    case "egress_ended": {
      const info = event.egressInfo
      if (!info?.egressId) {
        return { kind: "ignored" }
      }
      const file = info.fileResults[0]
      const ok = (info.status === EgressStatus.EGRESS_COMPLETE || info.status === EgressStatus.EGRESS_LIMIT_REACHED) && !!file
      return {
        kind: "egress_ended",
        egress_id: info.egressId,
        room: info.roomName,
        ok,
        location: file?.location || null,
        filename: file?.filename || null,
      }
    }
    default:
      return { kind: "ignored" }
  }
}
