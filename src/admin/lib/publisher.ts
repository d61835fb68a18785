import type { LocalTrack, Room } from "livekit-client"
import { useCallback, useEffect, useRef, useState } from "react"
import { fetchPublisherToken } from "../hooks/live"
import { describeError } from "./api"

/**
 * Where the seller's camera is: off; asking the browser for it; on in the preview only (nobody
 * else sees it); joining the show's room; on air; or livekit-client resuming a dropped link.
 */
export type CameraState = "off" | "starting" | "preview" | "connecting" | "on_air" | "reconnecting"

export type CameraPublisher = {
  state: CameraState
  error: string | null
  /** Attach to the preview's `<video>` (muted: the seller should not hear themselves). */
  videoRef: React.RefObject<HTMLVideoElement>
  startCamera: () => Promise<void>
  stopCamera: () => Promise<void>
  goOnAir: () => Promise<void>
  leaveAir: () => Promise<void>
}

// livekit-client loads on the first press of "Start camera", not with every Admin page.
const livekit = () => import("livekit-client")

/**
 * The seller's browser as the show's publisher: camera and microphone from `getUserMedia`
 * (livekit-client's `createLocalTracks`), previewed locally, then published into the show's
 * LiveKit room with a token from `POST /admin/shows/:id/publisher-token`. Leaving the air keeps
 * the preview; stopping the camera releases the devices; leaving the page does both.
 */
export function useCameraPublisher(showId: string): CameraPublisher {
  const videoRef = useRef<HTMLVideoElement>(null)
  const tracks = useRef<LocalTrack[]>([])
  const room = useRef<Room | null>(null)
  const [state, setState] = useState<CameraState>("off")
  const [error, setError] = useState<string | null>(null)

  const leaveAir = useCallback(async () => {
    const r = room.current
    room.current = null
    if (r) {
      await r.disconnect(false) // keep the tracks: the preview stays on
    }
    setState(tracks.current.length ? "preview" : "off")
  }, [])

  const stopCamera = useCallback(async () => {
    await leaveAir()
    for (const track of tracks.current) {
      track.detach()
      track.stop()
    }
    tracks.current = []
    setState("off")
  }, [leaveAir])

  const startCamera = useCallback(async () => {
    setError(null)
    setState("starting")
    try {
      const { createLocalTracks, Track, VideoPresets } = await livekit()
      const local = await createLocalTracks({ audio: true, video: { resolution: VideoPresets.h720.resolution } })
      tracks.current = local
      const video = local.find((t) => t.kind === Track.Kind.Video)
      if (video && videoRef.current) {
        video.attach(videoRef.current)
      }
      setState("preview")
    } catch (err) {
      setError(`Camera: ${describeError(err)}`)
      setState("off")
    }
  }, [])

  const goOnAir = useCallback(async () => {
    if (!tracks.current.length) {
      return
    }
    setError(null)
    setState("connecting")
    const { Room, RoomEvent } = await livekit()
    const r = new Room({ dynacast: true })
    try {
      const grant = await fetchPublisherToken(showId)
      r.on(RoomEvent.Reconnecting, () => setState("reconnecting"))
        .on(RoomEvent.Reconnected, () => setState("on_air"))
        .on(RoomEvent.Disconnected, () => {
          // The room closed (the show ended) or livekit-client gave up resuming.
          if (room.current === r) {
            room.current = null
            setError("Off air: the connection to the video server ended.")
            setState(tracks.current.length ? "preview" : "off")
          }
        })
      room.current = r
      await r.connect(grant.url, grant.token)
      for (const track of tracks.current) {
        await r.localParticipant.publishTrack(track)
      }
      setState("on_air")
    } catch (err) {
      room.current = null
      void r.disconnect(false)
      setError(`Going on air: ${describeError(err)}`)
      setState(tracks.current.length ? "preview" : "off")
    }
  }, [showId])

  // Leaving the console turns the camera off and leaves the room.
  useEffect(
    () => () => {
      void room.current?.disconnect(true)
      room.current = null
      for (const track of tracks.current) {
        track.stop()
      }
      tracks.current = []
    },
    []
  )

  return { state, error, videoRef, startCamera, stopCamera, goOnAir, leaveAir }
}
