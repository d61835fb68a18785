import type { StoreShow } from "medusa-plugin-live-commerce/store"
import { lazy, Suspense } from "react"
import { useSession } from "../session"
import { choosePlayer } from "../video"

// livekit-client is large: only a show that plays through LiveKit loads it (see `npm run bench:page`).
const LiveKitPlayer = lazy(() => import("./LiveKitPlayer"))

/**
 * The show's video (`choosePlayer`): its LiveKit room, its external playback URL (a video file or
 * an embeddable player), the recording of an ended show, the preview before it, or a line saying
 * why there is none.
 */
export function ShowVideo({ show }: { show: StoreShow }) {
  const { live } = useSession()
  const player = choosePlayer(show, live)
  switch (player.kind) {
    case "livekit":
      return (
        <Suspense fallback={<div className="video placeholder">Loading the player…</div>}>
          <LiveKitPlayer showId={show.id} title={show.title} publisher={show.video?.publisher_status} />
        </Suspense>
      )
    case "file":
      return player.purpose === "replay" ? (
        <figure className="replay">
          <video className="video" src={player.url} controls playsInline preload="metadata" aria-label={`${show.title}: replay`} data-testid="video" />
          <figcaption className="muted">Replay of the show</figcaption>
        </figure>
      ) : (
        <video
          className="video"
          src={player.url}
          autoPlay
          muted
          playsInline
          controls={player.purpose === "live"}
          loop={player.purpose === "preview"}
          aria-label={player.purpose === "preview" ? `${show.title}: preview` : show.title}
          data-testid="video"
        />
      )
    case "embed":
      return (
        <iframe
          className="video"
          src={player.url}
          title={show.title}
          allow="autoplay; fullscreen; picture-in-picture"
          sandbox="allow-scripts allow-same-origin allow-presentation"
          data-testid="video"
        />
      )
    case "placeholder":
      return (
        <div className="video placeholder" data-testid="video-placeholder">
          {player.text}
        </div>
      )
  }
}
