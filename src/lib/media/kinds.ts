/**
 * What a seller may upload for a show, and where it goes on the show. Checked when the upload is
 * asked for (the declared type and size) and again on the stored object before the show points at
 * it (S3-compatible stores do not all enforce what a presigned URL signs).
 */
export const SHOW_MEDIA_KINDS = {
  /** The show's card on the storefront. */
  thumbnail: { contentTypes: ["image/jpeg", "image/png", "image/webp"], maxBytes: 5 * 1024 * 1024, field: "thumbnail" },
  /** A short clip viewers see before the show goes live. */
  preview: { contentTypes: ["video/mp4", "video/webm"], maxBytes: 200 * 1024 * 1024, field: "preview_url" },
} as const

export type ShowMediaKind = keyof typeof SHOW_MEDIA_KINDS
export const SHOW_MEDIA_KIND_NAMES = Object.keys(SHOW_MEDIA_KINDS) as ShowMediaKind[]

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "video/mp4": "mp4",
  "video/webm": "webm",
}

export const extensionFor = (contentType: string) => EXTENSIONS[contentType] ?? "bin"

/** Every object of a show's media lives under this prefix; a confirmation must name a key in it. */
export const showMediaPrefix = (showId: string, kind: ShowMediaKind) => `shows/${showId}/${kind}/`
