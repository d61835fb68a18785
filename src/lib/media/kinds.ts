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

/** The root of every show's media in the bucket; nothing outside it is ever deleted by the plugin. */
export const SHOW_MEDIA_ROOT = "shows/"

/** Every object of a show's media lives under this prefix; a confirmation must name a key in it. */
export const showMediaPrefix = (showId: string, kind: ShowMediaKind) => `${SHOW_MEDIA_ROOT}${showId}/${kind}/`

// The keys media-uploads hands out: `shows/<show>/<kind>/media_<ulid>.<ext>`.
const SHOW_MEDIA_KEY = new RegExp(`^${SHOW_MEDIA_ROOT}([A-Za-z0-9_]+)/(${SHOW_MEDIA_KIND_NAMES.join("|")})/media_[0-9A-Z]{26}\\.[a-z0-9]{2,5}$`)

/** The show and kind of a key media-uploads handed out; null for any other key (never the plugin's to delete). */
export function parseShowMediaKey(key: string): { show_id: string; kind: ShowMediaKind } | null {
  const match = SHOW_MEDIA_KEY.exec(key)
  return match ? { show_id: match[1], kind: match[2] as ShowMediaKind } : null
}

/** The show fields that hold one uploaded object each (a new one replaces, and frees, the old). */
export const SHOW_MEDIA_FIELDS = SHOW_MEDIA_KIND_NAMES.map((kind) => SHOW_MEDIA_KINDS[kind].field)

/**
 * An upload not attached within this long is refused, and one older than `SWEEP_UNATTACHED_AFTER_MS`
 * that no show points at is deleted by the sweep: the hour between keeps the sweep from deleting
 * an object while a late confirmation is pointing a show at it.
 */
export const ATTACH_WITHIN_MS = 23 * 60 * 60 * 1000
export const SWEEP_UNATTACHED_AFTER_MS = 24 * 60 * 60 * 1000
