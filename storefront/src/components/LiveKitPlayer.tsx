import { ConnectionError, Room, RoomEvent, Track, type RemoteTrack } from "livekit-client"
import type { PublisherStatus } from "medusa-plugin-live-commerce/realtime/contract"
import { useEffect, useRef, useState } from "react"
import { requestViewerToken } from "../medusa"
import { useSession } from "../session"
import { retryDelay, videoNotice, type Connection } from "../video"

type Props = { showId: string; title: string; publisher: PublisherStatus | undefined }

/**
 * The show's LiveKit room, watched: a subscribe-only token from
 * `POST /store/shows/:id/viewer-token`, then livekit-client joins the room at the URL the token
 * came with (the configured LiveKit URL) and plays whatever the seller publishes, from the browser
 * or an OBS ingress. A dropped link is resumed by livekit-client; one that ends is started again
 * with a fresh token, backing off. This module (and livekit-client with it) is its own chunk,
 * loaded only when a show plays through LiveKit: the first page's JavaScript stays in budget.
 */
export default function LiveKitPlayer({ showId, title, publisher }: Props) {
  const { sdk, config, live, customer } = useSession()
  const videoRef = useRef<HTMLVideoElement>(null)
  const audioRef = useRef<HTMLAudioElement>(null)
  const roomRef = useRef<Room | null>(null)
  const [connection, setConnection] = useState<Connection>({ state: "connecting" })
  const [hasVideo, setHasVideo] = useState(false)
  const [audioBlocked, setAudioBlocked] = useState(false)
  const [now, setNow] = useState(() => Date.now())

  // One connection per show and identity (logging in joins again as the customer).
  useEffect(() => {
    let stopped = false
    let failures = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    let room: Room | null = null

    const fail = (code: string, message: string) => {
      clearTimeout(timer)
      failures++
      const delay = retryDelay(failures, code)
      setConnection({ state: "failed", code, message, retry_at: delay === null ? null : Date.now() + delay })
      if (delay !== null) {
        timer = setTimeout(() => void start(), delay)
      }
    }

    const attach = (track: RemoteTrack) => {
      if (track.kind === Track.Kind.Video && videoRef.current) {
        track.attach(videoRef.current)
        setHasVideo(true)
      } else if (track.kind === Track.Kind.Audio && audioRef.current) {
        track.attach(audioRef.current)
      }
    }

    const start = async () => {
      setConnection({ state: "connecting" })
      const grant = await requestViewerToken(sdk, config, showId)
      if (stopped) {
        return
      }
      if (!grant.ok) {
        fail(grant.error.code, grant.error.message)
        return
      }
      const r = new Room({ adaptiveStream: true })
      room = r
      roomRef.current = r
      r.on(RoomEvent.TrackSubscribed, attach)
        .on(RoomEvent.TrackUnsubscribed, (track) => {
          track.detach()
          if (track.kind === Track.Kind.Video) {
            setHasVideo(false)
          }
        })
        .on(RoomEvent.Reconnecting, () => setConnection({ state: "reconnecting" }))
        .on(RoomEvent.Reconnected, () => setConnection({ state: "connected" }))
        .on(RoomEvent.AudioPlaybackStatusChanged, () => setAudioBlocked(!r.canPlaybackAudio))
        .on(RoomEvent.Disconnected, () => {
          // After a successful join only: livekit-client gave up resuming, or the room closed.
          if (!stopped && room === r) {
            room = null
            setHasVideo(false)
            fail("disconnected", "The video connection ended.")
          }
        })
      try {
        await r.connect(grant.data.url || live.video?.livekit_url || "", grant.data.token, { autoSubscribe: true })
      } catch (err) {
        room = null
        void r.disconnect()
        if (!stopped) {
          fail(connectionCode(err), err instanceof Error ? err.message : String(err))
        }
        return
      }
      if (stopped) {
        void r.disconnect()
        return
      }
      failures = 0
      setConnection({ state: "connected" })
      setAudioBlocked(!r.canPlaybackAudio)
    }

    void start()
    return () => {
      stopped = true
      clearTimeout(timer)
      void room?.disconnect()
      roomRef.current = null
    }
  }, [sdk, config, live, showId, customer?.id])

  // The retry countdown in the notice.
  useEffect(() => {
    if (connection.state !== "failed" || connection.retry_at === null) {
      return
    }
    const tick = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(tick)
  }, [connection])

  const notice = videoNotice(publisher, connection, now)
  return (
    <div className="player" data-testid="livekit-player" data-connection={connection.state}>
      <video ref={videoRef} className="video" autoPlay muted playsInline aria-label={title} data-testid="video" hidden={!hasVideo} />
      {!hasVideo && <div className="video placeholder" aria-hidden="true" />}
      <audio ref={audioRef} autoPlay />
      {notice && (
        <p className={`video-notice ${notice.tone}`} role="status" data-testid="video-status">
          {notice.text}
        </p>
      )}
      {audioBlocked && (
        <button type="button" className="sound" onClick={() => void roomRef.current?.startAudio()}>
          Tap for sound
        </button>
      )}
    </div>
  )
}

/** livekit-client's reason (`ServerUnreachable`) as a code the page shows (`livekit_server_unreachable`). */
function connectionCode(err: unknown): string {
  if (err instanceof ConnectionError) {
    return `livekit_${err.reasonName.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase()}`
  }
  return "livekit_error"
}
