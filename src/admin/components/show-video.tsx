import { Button, Container, Copy, Heading, Input, Label, StatusBadge, Text, usePrompt } from "@medusajs/ui"
import { useCreateIngress, useShowIngress } from "../hooks/live"
import { describeError, LiveApiError } from "../lib/api"
import { useCameraPublisher, type CameraState } from "../lib/publisher"
import type { Show } from "../lib/types"

const PUBLISHER_COLOR = { connected: "green", reconnecting: "orange", lost: "red", offline: "grey" } as const

const PUBLISHER_TEXT = {
  connected: "Video: on air",
  reconnecting: "Video: reconnecting",
  lost: "Video: stream lost",
  offline: "Video: offline",
} as const

const CAMERA_TEXT: Record<CameraState, string> = {
  off: "Camera off",
  starting: "Asking the browser for the camera…",
  preview: "Preview: only you see it",
  connecting: "Joining the show's room…",
  on_air: "On air from this browser",
  reconnecting: "Reconnecting to the video server…",
}

const INGRESS_NAME = { rtmp: "RTMP", whip: "WHIP" } as const

/**
 * The show's video in the console (issue #15): what LiveKit says of the seller's link, the seller's
 * camera (previewed here, then published into the show's room), or the details an encoder such as
 * OBS needs (an RTMP or WHIP ingress, made on request), and the recording once the show ended.
 */
export const ShowVideoPanel = ({ show }: { show: Show }) => {
  const closed = show.status === "ended" || show.status === "cancelled"
  // Only a show with a LiveKit room is asked for its ingress unprompted: without LiveKit the
  // question is a 400, and a page should not cause errors nobody asked for. Going live makes the
  // room when LiveKit is configured, so a live show without one means video is off.
  const ingress = useShowIngress(show.id, !!show.room_name && !closed)
  const createIngress = useCreateIngress(show.id)
  const camera = useCameraPublisher(show.id)
  const prompt = usePrompt()
  const notConfigured =
    (show.status === "live" && show.room_name === null) ||
    [ingress.error, createIngress.error].some((err) => err instanceof LiveApiError && err.code === "video_not_configured")
  const current = createIngress.data?.ingress ?? ingress.data?.ingress ?? null
  const publisher = show.publisher_status ?? "offline"

  const requestIngress = async (type: "rtmp" | "whip") => {
    if (current && current.type !== type) {
      const replace = await prompt({
        title: `Switch to ${INGRESS_NAME[type]}?`,
        description: `The ${INGRESS_NAME[current.type]} ingress is replaced: its stream key stops working.`,
        confirmText: "Switch",
        cancelText: "Cancel",
      })
      if (!replace) {
        return
      }
    }
    createIngress.mutate(type)
  }

  return (
    <Container className="divide-y p-0" data-testid="show-video">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <Heading level="h2">Video</Heading>
        {show.publisher_status && !notConfigured ? (
          <StatusBadge color={PUBLISHER_COLOR[publisher]} data-testid="publisher-status">
            {PUBLISHER_TEXT[publisher]}
          </StatusBadge>
        ) : null}
      </div>

      {show.recording_status && show.recording_status !== "none" ? (
        <div className="flex flex-wrap items-center gap-x-3 px-6 py-3" data-testid="recording">
          <Text size="small">Recording: {show.recording_status}</Text>
          {show.recording_url && /^https?:\/\//i.test(show.recording_url) ? (
            <a href={show.recording_url} target="_blank" rel="noreferrer" className="txt-compact-small text-ui-fg-interactive">
              Open the recording
            </a>
          ) : show.recording_url ? (
            // Not a web address (LiveKit's own location, e.g. s3://…, without `media.s3.publicUrl`): shown, not linked.
            <Text size="small" className="text-ui-fg-subtle font-mono">
              {show.recording_url}
            </Text>
          ) : null}
        </div>
      ) : null}

      {notConfigured ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          LiveKit is not configured on this server (LIVEKIT_URL): viewers watch the show's playback URL instead (Edit → Playback
          URL).
        </Text>
      ) : closed ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          This show is {show.status}: nothing goes on air any more.
        </Text>
      ) : (
        <div className="grid gap-6 px-6 py-4 md:grid-cols-2">
          <section className="flex flex-col gap-y-3" aria-labelledby="camera-heading">
            <Text weight="plus" id="camera-heading">
              From this browser
            </Text>
            <div className="bg-ui-bg-base-pressed relative aspect-video overflow-hidden rounded-lg">
              <video
                ref={camera.videoRef}
                className="h-full w-full object-cover"
                autoPlay
                muted
                playsInline
                hidden={camera.state === "off" || camera.state === "starting"}
                data-testid="camera-preview"
              />
            </div>
            <Text size="small" className="text-ui-fg-subtle" data-testid="camera-state">
              {CAMERA_TEXT[camera.state]}
            </Text>
            <div className="flex flex-wrap gap-2">
              {camera.state === "off" || camera.state === "starting" ? (
                <Button size="small" variant="secondary" isLoading={camera.state === "starting"} onClick={() => void camera.startCamera()}>
                  Start camera
                </Button>
              ) : (
                <Button size="small" variant="secondary" onClick={() => void camera.stopCamera()}>
                  Stop camera
                </Button>
              )}
              {camera.state === "on_air" || camera.state === "reconnecting" ? (
                <Button size="small" variant="danger" onClick={() => void camera.leaveAir()}>
                  Leave the air
                </Button>
              ) : (
                <Button
                  size="small"
                  disabled={show.status !== "live" || camera.state !== "preview"}
                  isLoading={camera.state === "connecting"}
                  onClick={() => void camera.goOnAir()}
                >
                  Go on air
                </Button>
              )}
            </div>
            {show.status !== "live" ? (
              <Text size="small" className="text-ui-fg-subtle">
                Go live first; until then the preview is yours alone.
              </Text>
            ) : null}
            {camera.error ? (
              <Text size="small" className="text-ui-fg-error" data-testid="camera-error">
                {camera.error}
              </Text>
            ) : null}
          </section>

          <section className="flex flex-col gap-y-3" aria-labelledby="encoder-heading">
            <Text weight="plus" id="encoder-heading">
              From OBS or another encoder
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              Ask for the details, then paste them into the encoder's stream settings (OBS: Settings → Stream → Custom). RTMP
              works with every encoder; WHIP is WebRTC, with less delay.
            </Text>
            <div className="flex flex-wrap gap-2">
              {(["rtmp", "whip"] as const).map((type) => (
                <Button
                  key={type}
                  size="small"
                  variant={current?.type === type ? "primary" : "secondary"}
                  isLoading={createIngress.isPending && createIngress.variables === type}
                  disabled={createIngress.isPending || ingress.isLoading || current?.type === type}
                  onClick={() => void requestIngress(type)}
                >
                  {current?.type === type ? `Using ${INGRESS_NAME[type]}` : `Get ${INGRESS_NAME[type]} details`}
                </Button>
              ))}
            </div>
            {current ? (
              <div className="flex flex-col gap-y-3" data-testid="ingress">
                <div className="flex flex-col gap-y-1">
                  <Label size="small" htmlFor="ingress-url">
                    {current.type === "rtmp" ? "Server URL" : "WHIP URL"}
                  </Label>
                  <div className="flex items-center gap-x-2">
                    <Input id="ingress-url" size="small" readOnly value={current.url} data-testid="ingress-url" />
                    <Copy content={current.url} aria-label="Copy the URL" />
                  </div>
                </div>
                <div className="flex flex-col gap-y-1">
                  <Label size="small" htmlFor="ingress-key">
                    {current.type === "rtmp" ? "Stream key" : "Bearer token (stream key)"}
                  </Label>
                  <div className="flex items-center gap-x-2">
                    {/* Masked, with the Input's own show/hide toggle; `key` masks a new ingress's key again. */}
                    <Input
                      key={current.id}
                      id="ingress-key"
                      size="small"
                      readOnly
                      type="password"
                      value={current.stream_key}
                      data-testid="ingress-key"
                    />
                    <Copy content={current.stream_key} aria-label="Copy the stream key" />
                  </div>
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    Masked until you show it. Keep it secret: whoever has it can stream into this show.
                  </Text>
                </div>
              </div>
            ) : null}
            {createIngress.error ? (
              <Text size="small" className="text-ui-fg-error" data-testid="ingress-error">
                {describeError(createIngress.error)}
              </Text>
            ) : ingress.error && !notConfigured ? (
              <Text size="small" className="text-ui-fg-error" data-testid="ingress-error">
                {describeError(ingress.error)}
              </Text>
            ) : null}
          </section>
        </div>
      )}
    </Container>
  )
}
