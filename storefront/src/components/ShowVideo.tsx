import type { StoreShow } from "medusa-plugin-live-commerce/store"

const VIDEO_FILE = /\.(mp4|webm|m3u8)(\?|$)/i

/** The show's external playback URL (a video file or an embeddable player), or a placeholder. */
export function ShowVideo({ show }: { show: StoreShow }) {
  const url = show.playback_url && /^https?:\/\//i.test(show.playback_url) ? show.playback_url : null
  if (show.status !== "live" || !url) {
    return (
      <div className="video placeholder" data-testid="video-placeholder">
        {show.status === "live" ? "Live now: this show has no video on this page." : "The video starts when the seller goes live."}
      </div>
    )
  }
  return VIDEO_FILE.test(url) ? (
    <video className="video" src={url} autoPlay muted playsInline controls data-testid="video" />
  ) : (
    <iframe
      className="video"
      src={url}
      title={show.title}
      allow="autoplay; fullscreen; picture-in-picture"
      sandbox="allow-scripts allow-same-origin allow-presentation"
      data-testid="video"
    />
  )
}
