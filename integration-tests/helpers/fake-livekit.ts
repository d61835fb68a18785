import { createHash, randomBytes } from "node:crypto"
import http from "node:http"
import type { AddressInfo, Socket } from "node:net"
import {
  AccessToken,
  EgressInfo,
  EgressStatus,
  IngressInfo,
  IngressInput,
  ParticipantInfo,
  Room,
  TokenVerifier,
  WebhookEvent,
  type ClaimGrants,
  type VideoGrant,
} from "livekit-server-sdk"
import { FakeStripe } from "./fake-stripe"

/**
 * A local server speaking the slice of LiveKit's server API the plugin uses, over LiveKit's own
 * wire protocol (Twirp: `POST /twirp/livekit.<Service>/<Method>`, protobuf JSON both ways), with
 * the checks a LiveKit server makes: every request carries a Bearer JWT signed with the API
 * secret, issued by the API key, unexpired, whose video grant allows the call (rooms need
 * `roomCreate`, ingress `ingressAdmin`, egress `roomRecord`); anything else is a 401. It keeps the
 * rooms, ingresses and egresses it made, and records every call.
 *
 * It also accepts what a browser's `livekit-client` opens, a WebSocket on `/rtc?access_token=…`,
 * and records the token with its verified grants (`rtcConnections`); it sends no media (no SFU
 * runs in these tests). Webhooks are signed as LiveKit signs them (`signWebhook`, `webhook`).
 */

/** One Twirp call as the fake received it. */
export type TwirpCall = {
  service: string
  method: string
  body: Record<string, unknown>
  /** Whether the token verified and its grant allowed the call (a 401 otherwise). */
  authorized: boolean
  grants: ClaimGrants | null
  status: number
}

export type RtcConnection = { path: string; token: string; grants: ClaimGrants | null }

/** The grant each method needs, as LiveKit's server checks it. */
const REQUIRED: Record<string, keyof VideoGrant> = {
  "RoomService/CreateRoom": "roomCreate",
  "RoomService/DeleteRoom": "roomCreate",
  "RoomService/ListRooms": "roomList",
  "Ingress/CreateIngress": "ingressAdmin",
  "Ingress/DeleteIngress": "ingressAdmin",
  "Ingress/ListIngress": "ingressAdmin",
  "Egress/StartRoomCompositeEgress": "roomRecord",
  "Egress/StopEgress": "roomRecord",
  "Egress/ListEgress": "roomRecord",
}

type Reply = { status: number; body: unknown }

export class FakeLiveKit {
  readonly apiKey = `API${randomBytes(6).toString("hex")}`
  readonly apiSecret = randomBytes(24).toString("hex")
  readonly calls: TwirpCall[] = []
  readonly rtcConnections: RtcConnection[] = []
  readonly rooms = new Map<string, Room>()
  readonly ingresses = new Map<string, IngressInfo>()
  readonly egresses = new Map<string, EgressInfo>()
  private readonly failures: { method: string; reply: Reply }[] = []
  private readonly sockets = new Set<Socket>()
  private server: http.Server | null = null
  private seq = 0
  private verifier = new TokenVerifier(this.apiKey, this.apiSecret)

  /**
   * A fake LiveKit for one test file's Medusa app: its URL and keys (and `env`) go into
   * process.env before the runner loads medusa-config.ts. Call it at module scope.
   */
  static forApp(env: Record<string, string> = {}): { livekit: FakeLiveKit; port: number } {
    const livekit = new FakeLiveKit()
    const port = FakeStripe.reservePort()
    Object.assign(process.env, {
      LIVEKIT_URL: `ws://127.0.0.1:${port}`,
      LIVEKIT_API_KEY: livekit.apiKey,
      LIVEKIT_API_SECRET: livekit.apiSecret,
      ...env,
    })
    return { livekit, port }
  }

  async listen(port = 0): Promise<number> {
    this.server = http.createServer((req, res) => void this.handle(req, res))
    this.server.on("upgrade", (req: http.IncomingMessage, socket: Socket) => void this.upgrade(req, socket))
    this.server.on("connection", (socket: Socket) => {
      this.sockets.add(socket)
      socket.on("close", () => this.sockets.delete(socket))
    })
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve))
    return (this.server.address() as AddressInfo).port
  }

  /** Stops answering (LiveKit away): open connections are cut. */
  async close(): Promise<void> {
    this.sockets.forEach((s) => s.destroy())
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)))
    this.server = null
  }

  /** The next call to `Service/Method` is answered with this error instead (a Twirp error body). */
  failNext(method: string, status = 500, code = "internal", msg = "injected failure"): void {
    this.failures.push({ method, reply: { status, body: { code, msg } } })
  }

  /** Calls of one `Service/Method`, in order. */
  callsOf(method: string): TwirpCall[] {
    return this.calls.filter((c) => `${c.service}/${c.method}` === method)
  }

  /** Verifies a token as LiveKit does (signature with the secret, issuer = API key, expiry); null if it does not verify. */
  async verify(token: string): Promise<ClaimGrants | null> {
    return this.verifier.verify(token).catch(() => null)
  }

  /** The `Authorization` LiveKit sends with a webhook: a JWT whose `sha256` is the body's base64 SHA-256. */
  async signWebhook(body: string, secret = this.apiSecret): Promise<string> {
    const token = new AccessToken(this.apiKey, secret, { ttl: "5m" })
    token.sha256 = createHash("sha256").update(body).digest("base64")
    return token.toJwt()
  }

  /** A webhook body as LiveKit sends it (protobuf JSON of `WebhookEvent`), with a fresh event id unless one is given. */
  webhook(
    event: "room_started" | "room_finished" | "participant_joined" | "participant_left" | "egress_ended",
    fields: {
      id?: string
      room?: string
      identity?: string
      /** `ParticipantInfo.Kind`: 1 is an ingress. */
      kind?: number
      egress?: { id: string; room: string; status?: EgressStatus; filename?: string; location?: string }
    }
  ): string {
    const e = new WebhookEvent({
      id: fields.id ?? `EV_${randomBytes(8).toString("hex")}`,
      createdAt: BigInt(Math.floor(Date.now() / 1000)),
      ...(fields.room ? { room: new Room({ sid: `RM_${fields.room}`, name: fields.room }) } : {}),
      ...(fields.identity
        ? { participant: new ParticipantInfo({ sid: `PA_${this.seq++}`, identity: fields.identity, kind: fields.kind ?? 0 }) }
        : {}),
      ...(fields.egress
        ? {
            egressInfo: new EgressInfo({
              egressId: fields.egress.id,
              roomName: fields.egress.room,
              status: fields.egress.status ?? EgressStatus.EGRESS_COMPLETE,
              fileResults: fields.egress.filename
                ? [{ filename: fields.egress.filename, location: fields.egress.location ?? "", size: BigInt(1024) }]
                : [],
            }),
          }
        : {}),
    })
    e.event = event
    return e.toJsonString()
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake")
    if (url.pathname.startsWith("/rtc") && req.method === "GET") {
      // livekit-client asks `/rtc/validate` when its WebSocket fails: a valid token is a 200.
      const grants = await this.verify(url.searchParams.get("access_token") ?? "")
      return send(res, grants ? 200 : 401, grants ? "success" : "invalid token")
    }
    const match = /^\/twirp\/livekit\.(\w+)\/(\w+)$/.exec(url.pathname)
    if (req.method !== "POST" || !match) {
      return send(res, 404, { code: "bad_route", msg: `no handler for ${req.method} ${url.pathname}` })
    }
    const [, service, method] = match
    const chunks: Buffer[] = []
    for await (const chunk of req) {
      chunks.push(chunk as Buffer)
    }
    let body: Record<string, unknown> = {}
    try {
      body = JSON.parse(Buffer.concat(chunks).toString() || "{}")
    } catch {
      return send(res, 400, { code: "malformed", msg: "body is not JSON" })
    }
    const auth = req.headers.authorization ?? ""
    const grants = auth.startsWith("Bearer ") ? await this.verify(auth.slice(7)) : null
    const needed = REQUIRED[`${service}/${method}`]
    const authorized = !!grants && !!needed && !!grants.video?.[needed]
    const call: TwirpCall = { service, method, body, authorized, grants, status: 0 }
    this.calls.push(call)
    const reply: Reply = !needed
      ? { status: 404, body: { code: "bad_route", msg: `unknown method ${service}/${method}` } }
      : !authorized
        ? { status: 401, body: { code: "unauthenticated", msg: grants ? `permissions denied: needs ${needed}` : "invalid token" } }
        : this.takeFailure(`${service}/${method}`) ?? this.answer(`${service}/${method}`, body)
    call.status = reply.status
    send(res, reply.status, reply.body)
  }

  private takeFailure(method: string): Reply | undefined {
    const i = this.failures.findIndex((f) => f.method === method)
    return i >= 0 ? this.failures.splice(i, 1)[0].reply : undefined
  }

  private answer(method: string, body: Record<string, unknown>): Reply {
    const ok = (message: { toJson: () => unknown }) => ({ status: 200, body: message.toJson() })
    const notFound = (what: string) => ({ status: 404, body: { code: "not_found", msg: `${what} not found` } })
    switch (method) {
      case "RoomService/CreateRoom": {
        const name = String(body.name ?? "")
        const room = this.rooms.get(name) ?? new Room({ sid: `RM_${this.seq++}`, name, emptyTimeout: Number(body.emptyTimeout ?? 0) })
        this.rooms.set(name, room)
        return ok(room)
      }
      case "RoomService/DeleteRoom":
        return this.rooms.delete(String(body.room)) ? { status: 200, body: {} } : notFound("room")
      case "RoomService/ListRooms":
        return { status: 200, body: { rooms: [...this.rooms.values()].map((r) => r.toJson()) } }
      case "Ingress/CreateIngress": {
        const whip = body.inputType === "WHIP_INPUT"
        const info = new IngressInfo({
          ingressId: `IN_${this.seq++}`,
          name: String(body.name ?? ""),
          streamKey: randomBytes(12).toString("hex"),
          url: whip ? `http://127.0.0.1:${this.port()}/w` : `rtmp://127.0.0.1:1935/x`,
          inputType: whip ? IngressInput.WHIP_INPUT : IngressInput.RTMP_INPUT,
          roomName: String(body.roomName ?? ""),
          participantIdentity: String(body.participantIdentity ?? ""),
          participantName: String(body.participantName ?? ""),
        })
        this.ingresses.set(info.ingressId, info)
        return ok(info)
      }
      case "Ingress/DeleteIngress": {
        const info = this.ingresses.get(String(body.ingressId))
        return info && this.ingresses.delete(info.ingressId) ? ok(info) : notFound("ingress")
      }
      case "Ingress/ListIngress":
        return { status: 200, body: { items: [...this.ingresses.values()].map((i) => i.toJson()) } }
      case "Egress/StartRoomCompositeEgress": {
        if (!this.rooms.has(String(body.roomName))) {
          return notFound("room")
        }
        const info = new EgressInfo({ egressId: `EG_${this.seq++}`, roomName: String(body.roomName), status: EgressStatus.EGRESS_STARTING })
        this.egresses.set(info.egressId, info)
        return ok(info)
      }
      case "Egress/StopEgress": {
        const info = this.egresses.get(String(body.egressId))
        if (!info) {
          return notFound("egress")
        }
        info.status = EgressStatus.EGRESS_ENDING
        return ok(info)
      }
      default:
        return { status: 404, body: { code: "bad_route", msg: method } }
    }
  }

  private port(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? 0
  }

  /** A WebSocket handshake on `/rtc` (RFC 6455), the token recorded; the socket then stays open, silent. */
  private async upgrade(req: http.IncomingMessage, socket: Socket): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake")
    const key = req.headers["sec-websocket-key"]
    if (!url.pathname.startsWith("/rtc") || typeof key !== "string") {
      socket.end("HTTP/1.1 404 Not Found\r\n\r\n")
      return
    }
    const token = url.searchParams.get("access_token") ?? ""
    const grants = await this.verify(token)
    this.rtcConnections.push({ path: url.pathname, token, grants })
    if (!grants) {
      socket.end("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n")
      return
    }
    const accept = createHash("sha1").update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest("base64")
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`)
  }
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = typeof body === "string" ? body : JSON.stringify(body)
  res.writeHead(status, { "content-type": typeof body === "string" ? "text/plain" : "application/json" })
  res.end(text)
}
