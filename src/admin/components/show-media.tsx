import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useRef } from "react"
import type { ShowMediaKind } from "../../realtime/contract/admin-api"
import { useUploadShowMedia } from "../hooks/live"
import { describeError, LiveApiError } from "../lib/api"
import type { Show } from "../lib/types"

const KINDS: { kind: ShowMediaKind; label: string; accept: string; limit: string }[] = [
  { kind: "thumbnail", label: "Thumbnail", accept: "image/jpeg,image/png,image/webp", limit: "JPEG, PNG or WebP, up to 5 MB" },
  { kind: "preview", label: "Preview video", accept: "video/mp4,video/webm", limit: "MP4 or WebM, up to 200 MB" },
]

const isWebUrl = (url: string | null | undefined): url is string => !!url && /^https?:\/\//i.test(url)

/**
 * The show's card image and the clip viewers see before it starts (issue #15): uploaded from this
 * browser straight to S3, checked by the server, then on the storefront. Without S3 the server
 * says so (`media_not_configured`) and the thumbnail is a URL in the show's settings instead.
 */
export const ShowMediaPanel = ({ show }: { show: Show }) => {
  const upload = useUploadShowMedia(show.id)
  const inputs = useRef<Partial<Record<ShowMediaKind, HTMLInputElement | null>>>({})
  const closed = show.status === "ended" || show.status === "cancelled"
  const current = { thumbnail: show.thumbnail, preview: show.preview_url }
  const notConfigured = upload.error instanceof LiveApiError && upload.error.code === "media_not_configured"

  return (
    <Container className="divide-y p-0" data-testid="show-media">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Media</Heading>
        {upload.isPending ? <Text size="small">Uploading {upload.variables?.kind}…</Text> : null}
      </div>
      <div className="grid gap-4 px-6 py-4 md:grid-cols-2">
        {KINDS.map(({ kind, label, accept, limit }) => (
          <div key={kind} className="flex flex-col gap-2" data-testid={`media-${kind}`}>
            <Text size="small" weight="plus">
              {label}
            </Text>
            {isWebUrl(current[kind]) ? (
              kind === "thumbnail" ? (
                <img src={current[kind]!} alt="" className="max-h-32 w-fit rounded-md border" />
              ) : (
                <video src={current[kind]!} muted controls className="max-h-32 w-fit rounded-md border" />
              )
            ) : (
              <Text size="small" className="text-ui-fg-subtle">
                None yet
              </Text>
            )}
            <input
              ref={(el) => (inputs.current[kind] = el)}
              type="file"
              accept={accept}
              className="hidden"
              aria-label={`${label} file`}
              onChange={(e) => {
                const file = e.target.files?.[0]
                e.target.value = ""
                if (file) {
                  upload.mutate({ kind, file })
                }
              }}
            />
            <div className="flex items-center gap-2">
              <Button size="small" variant="secondary" disabled={closed || upload.isPending} onClick={() => inputs.current[kind]?.click()}>
                Upload {label.toLowerCase()}
              </Button>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {limit}
              </Text>
            </div>
          </div>
        ))}
      </div>
      {upload.error ? (
        <Text size="small" className="text-ui-fg-error px-6 py-3" data-testid="media-error">
          {notConfigured ? "No S3 bucket is configured for uploads: set the thumbnail's URL in the show's settings." : describeError(upload.error)}
        </Text>
      ) : null}
    </Container>
  )
}
