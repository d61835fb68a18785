import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3"
import S3rver from "s3rver"
import { FakeStripe } from "./fake-stripe"

const BROWSER_UPLOADS_CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`

/** A 1×1 PNG (68 bytes). */
export const TINY_PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex"
)

/**
 * A real S3 protocol server on 127.0.0.1 (`s3rver`, files in a temp folder) with one bucket, for
 * the plugin's media uploads and Medusa's file-s3. s3rver does not check signatures or signed
 * headers: what a presigned URL signs is for real S3 and MinIO; the plugin checks the stored
 * object itself, and the tests show that check.
 */
export class LocalS3 {
  readonly bucket = "live-media"
  readonly accessKeyId = "S3RVER"
  readonly secretAccessKey = "S3RVER"
  protected server: S3rver | null = null
  protected directory = ""

  constructor(readonly port: number) {}

  get endpoint() {
    return `http://127.0.0.1:${this.port}`
  }

  /** The app's S3_* settings for this server (medusa-config.ts reads them). */
  appEnv(): Record<string, string> {
    return {
      S3_BUCKET: this.bucket,
      S3_REGION: "us-east-1",
      S3_ENDPOINT: this.endpoint,
      S3_ACCESS_KEY_ID: this.accessKeyId,
      S3_SECRET_ACCESS_KEY: this.secretAccessKey,
      S3_FILE_URL: `${this.endpoint}/${this.bucket}`,
    }
  }

  /** Reserves a port and points the app's S3_* at it before Medusa boots (see medusa-config.ts). */
  static forApp(env: Record<string, string> = {}): LocalS3 {
    const s3 = new LocalS3(FakeStripe.reservePort())
    Object.assign(process.env, { ...s3.appEnv(), ...env })
    return s3
  }

  /** The server `forApp` pointed this process's app at (to put objects from a fixture). */
  static fromEnv(): LocalS3 {
    return new LocalS3(Number(new URL(process.env.S3_ENDPOINT!).port))
  }

  async start(): Promise<void> {
    this.directory = mkdtempSync(path.join(tmpdir(), "live-s3-"))
    this.server = new S3rver({
      port: this.port,
      address: "127.0.0.1",
      silent: true,
      directory: this.directory,
      // Browsers PUT to presigned URLs from the Admin's origin: the bucket allows it (as a real
      // bucket must be configured to; MinIO allows every origin by default).
      configureBuckets: [{ name: this.bucket, configs: [BROWSER_UPLOADS_CORS] }],
    })
    await this.server.run()
  }

  async stop(): Promise<void> {
    await this.server?.close()
    this.server = null
    rmSync(this.directory, { recursive: true, force: true })
  }

  client(): S3Client {
    return new S3Client({
      region: "us-east-1",
      endpoint: this.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: this.accessKeyId, secretAccessKey: this.secretAccessKey },
    })
  }

  /** Stores an object directly (as a seller's browser would have, through a presigned URL). */
  async put(key: string, body: Buffer | string, contentType: string): Promise<void> {
    await this.client().send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }))
  }

  /** The object's bytes and type, or null when it is not there. */
  async get(key: string): Promise<{ body: Buffer; contentType: string | undefined } | null> {
    try {
      const res = await this.client().send(new GetObjectCommand({ Bucket: this.bucket, Key: key }))
      return { body: Buffer.from(await res.Body!.transformToByteArray()), contentType: res.ContentType }
    } catch (err) {
      if ((err as Error).name === "NoSuchKey" || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) {
        return null
      }
      throw err
    }
  }
}
