import { DeleteObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3"
import { getSignedUrl } from "@aws-sdk/s3-request-presigner"
import type { LiveCommerceOptions } from "../options"

export type S3MediaOptions = NonNullable<LiveCommerceOptions["media"]["s3"]>

export type PresignedUpload = {
  url: string
  method: "PUT"
  /** Send exactly these headers with the body: they are part of the signature. */
  headers: Record<string, string>
  key: string
  expires_at: string
}

export type StoredObject = { content_type: string | null; size: number; last_modified: Date | null }

const UPLOAD_TTL_SECONDS = 15 * 60

/**
 * The plugin's S3 access for show media (`media.s3`): presigned uploads straight from the
 * browser, then a HEAD to check what arrived. Any S3-compatible endpoint (MinIO, s3rver).
 */
export class S3MediaStorage {
  protected readonly client_: S3Client

  constructor(protected readonly options_: S3MediaOptions) {
    this.client_ = new S3Client({
      region: options_.region,
      endpoint: options_.endpoint,
      forcePathStyle: options_.forcePathStyle ?? Boolean(options_.endpoint),
      credentials: { accessKeyId: options_.accessKeyId, secretAccessKey: options_.secretAccessKey },
      // By default the SDK adds a CRC32 of the (empty) body to presigned PUTs, which real S3 then
      // holds the upload to; checksums only where S3 requires them.
      requestChecksumCalculation: "WHEN_REQUIRED",
    })
  }

  /** A PUT URL for one object whose type and length are signed (S3 refuses others). */
  async presignUpload(key: string, contentType: string, size: number): Promise<PresignedUpload> {
    const command = new PutObjectCommand({ Bucket: this.options_.bucket, Key: key, ContentType: contentType, ContentLength: size })
    const url = await getSignedUrl(this.client_, command, {
      expiresIn: UPLOAD_TTL_SECONDS,
      signableHeaders: new Set(["content-type", "content-length"]),
    })
    return {
      url,
      method: "PUT",
      headers: { "Content-Type": contentType },
      key,
      expires_at: new Date(Date.now() + UPLOAD_TTL_SECONDS * 1000).toISOString(),
    }
  }

  /** The stored object's type and size; null when there is none. */
  async head(key: string): Promise<StoredObject | null> {
    try {
      const head = await this.client_.send(new HeadObjectCommand({ Bucket: this.options_.bucket, Key: key }))
      return { content_type: head.ContentType ?? null, size: Number(head.ContentLength ?? 0), last_modified: head.LastModified ?? null }
    } catch (err) {
      const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
      if (status === 404 || (err as Error).name === "NotFound") {
        return null
      }
      throw err
    }
  }

  async remove(key: string): Promise<void> {
    await this.client_.send(new DeleteObjectCommand({ Bucket: this.options_.bucket, Key: key }))
  }

  /** The keys under `prefix` last written before `before`, page by page. */
  async *listOlderThan(prefix: string, before: Date): AsyncGenerator<string> {
    let token: string | undefined
    do {
      const page = await this.client_.send(new ListObjectsV2Command({ Bucket: this.options_.bucket, Prefix: prefix, ContinuationToken: token }))
      for (const object of page.Contents ?? []) {
        if (object.Key && object.LastModified && object.LastModified < before) {
          yield object.Key
        }
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token)
  }

  /**
   * The key of this bucket's object at `url`, read back from a URL `publicUrl` made; null for any
   * other URL (another host, bucket or prefix: not ours to touch).
   */
  keyOf(url: string): string | null {
    const base = this.publicUrl("")
    if (!url.startsWith(base) || url.includes("?") || url.includes("#")) {
      return null
    }
    try {
      return decodeURIComponent(url.slice(base.length))
    } catch {
      return null
    }
  }

  /** Where viewers read the object: `publicUrl/key`, else the endpoint's (or AWS's) URL of it. */
  publicUrl(key: string): string {
    const path = key.split("/").map(encodeURIComponent).join("/")
    if (this.options_.publicUrl) {
      return `${this.options_.publicUrl.replace(/\/$/, "")}/${path}`
    }
    if (this.options_.endpoint) {
      return `${this.options_.endpoint.replace(/\/$/, "")}/${this.options_.bucket}/${path}`
    }
    return `https://${this.options_.bucket}.s3.${this.options_.region}.amazonaws.com/${path}`
  }
}
