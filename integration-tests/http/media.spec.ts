import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createBuyers, createSeller, type Seller } from "../helpers/actors"
import { createShow } from "../helpers/auctions"
import { attempt } from "../helpers/checkout"
import { LocalS3, TINY_PNG as PNG } from "../helpers/local-s3"

jest.setTimeout(120_000)

/*
 * Issue #15, show media on S3: presigned uploads from the seller's browser to a real S3 protocol
 * server (s3rver on 127.0.0.1), read back, and the stored object checked before the show points
 * at it. The app's S3_* are set before Medusa boots.
 */
const s3 = LocalS3.forApp()

type Res = { status: number; data: any }

/** What the seller's browser does with an upload: PUT the bytes to the URL with its headers. */
async function putTo(upload: { url: string; method: string; headers: Record<string, string> }, body: Buffer, contentType?: string) {
  const res = await fetch(upload.url, {
    method: upload.method,
    headers: { ...upload.headers, ...(contentType ? { "Content-Type": contentType } : {}) },
    body,
  })
  return res.status
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let staff: Record<string, string>
    let seller: Seller
    let rival: Seller
    let store: Record<string, string>

    beforeAll(async () => {
      await s3.start()
    })
    afterAll(async () => {
      await s3.stop()
    })

    beforeEach(async () => {
      staff = await adminHeaders(getContainer(), api)
      seller = await createSeller(getContainer(), api, staff)
      rival = await createSeller(getContainer(), api, staff)
      const [buyer] = await createBuyers(getContainer(), 1)
      store = { "x-publishable-api-key": buyer.headers["x-publishable-api-key"] }
    })

    const post = (url: string, body: unknown = {}, headers = seller.headers): Promise<Res> => attempt(api.post(url, body, { headers }))
    const adminShow = async (id: string) => (await api.get(`/admin/shows/${id}`, { headers: staff })).data.show
    const storeShow = async (id: string) => (await api.get(`/store/shows/${id}`, { headers: store })).data.show
    const keyOf = (url: string) => decodeURIComponent(new URL(url).pathname.replace(`/${s3.bucket}/`, ""))

    it("uploads a thumbnail and a preview video straight to S3, reads them back, and sets them on the show", async () => {
      const id = await createShow(api, seller.headers)
      const asked = await post(`/admin/shows/${id}/media-uploads`, { kind: "thumbnail", content_type: "image/png", size: PNG.length })
      expect(asked.status).toBe(200)
      const { upload } = asked.data
      expect(upload).toMatchObject({ method: "PUT", headers: { "Content-Type": "image/png" }, expires_at: expect.any(String) })
      expect(upload.key).toMatch(new RegExp(`^shows/${id}/thumbnail/media_[0-9A-Z]{26}\\.png$`))
      // Type and length are signed: a store that checks signatures takes exactly this file.
      const signed = new URL(upload.url).searchParams.get("X-Amz-SignedHeaders")
      expect(signed?.split(";")).toEqual(expect.arrayContaining(["content-length", "content-type", "host"]))
      expect(new URL(upload.url).searchParams.get("x-amz-checksum-crc32")).toBeNull()

      expect(await putTo(upload, PNG)).toBe(200)
      expect(await s3.get(upload.key)).toEqual({ body: PNG, contentType: "image/png" })
      // Uploaded, not yet attached: the show is unchanged.
      expect((await adminShow(id)).thumbnail).toBeNull()

      const attached = await post(`/admin/shows/${id}/media`, { kind: "thumbnail", key: upload.key })
      expect(attached.status).toBe(200)
      expect(attached.data.show.thumbnail).toBe(`${s3.endpoint}/${s3.bucket}/${upload.key}`)
      expect(keyOf(attached.data.show.thumbnail)).toBe(upload.key)
      // The public URL serves the bytes, and viewers see it on the show.
      const served = await fetch(attached.data.show.thumbnail)
      expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG)
      expect((await storeShow(id)).thumbnail).toBe(attached.data.show.thumbnail)

      const clip = Buffer.alloc(64 * 1024, 7)
      const preview = (await post(`/admin/shows/${id}/media-uploads`, { kind: "preview", content_type: "video/mp4", size: clip.length })).data.upload
      expect(preview.key).toMatch(new RegExp(`^shows/${id}/preview/media_[0-9A-Z]{26}\\.mp4$`))
      expect(await putTo(preview, clip)).toBe(200)
      const withPreview = await post(`/admin/shows/${id}/media`, { kind: "preview", key: preview.key })
      expect(withPreview.data.show).toMatchObject({ preview_url: `${s3.endpoint}/${s3.bucket}/${preview.key}`, thumbnail: attached.data.show.thumbnail })
      expect((await storeShow(id)).video.preview_url).toBe(withPreview.data.show.preview_url)
    })

    it("refuses a wrong type or an oversize file before signing anything", async () => {
      const id = await createShow(api, seller.headers)
      const cases: [unknown, number, string][] = [
        [{ kind: "thumbnail", content_type: "text/html", size: 100 }, 400, "media_type_not_allowed"],
        [{ kind: "thumbnail", content_type: "video/mp4", size: 100 }, 400, "media_type_not_allowed"],
        [{ kind: "preview", content_type: "image/png", size: 100 }, 400, "media_type_not_allowed"],
        [{ kind: "thumbnail", content_type: "image/jpeg", size: 5 * 1024 * 1024 + 1 }, 400, "media_too_large"],
        [{ kind: "preview", content_type: "video/webm", size: 200 * 1024 * 1024 + 1 }, 400, "media_too_large"],
      ]
      for (const [body, status, code] of cases) {
        const res = await post(`/admin/shows/${id}/media-uploads`, body)
        expect([res.status, res.data.code, res.data.upload]).toEqual([status, code, undefined])
      }
      for (const body of [{}, { kind: "banner", content_type: "image/png", size: 1 }, { kind: "thumbnail", content_type: "image/png", size: 0 }, { kind: "thumbnail", content_type: "image/png", size: 1, extra: 1 }]) {
        expect((await post(`/admin/shows/${id}/media-uploads`, body)).status).toBe(400)
      }
    })

    it("deletes and refuses an uploaded object of the wrong type or size, leaving the show as it was", async () => {
      const id = await createShow(api, seller.headers)
      // The browser sends HTML under a URL signed for a PNG (s3rver, unlike S3, takes it).
      const forged = (await post(`/admin/shows/${id}/media-uploads`, { kind: "thumbnail", content_type: "image/png", size: 20 })).data.upload
      expect(await putTo(forged, Buffer.from("<script>alert(1)</script>"), "text/html")).toBe(200)
      expect(await post(`/admin/shows/${id}/media`, { kind: "thumbnail", key: forged.key })).toMatchObject({ status: 400, data: { code: "media_type_not_allowed" } })
      expect(await s3.get(forged.key)).toBeNull()

      // Declared 10 bytes, sent 6 MiB.
      const big = (await post(`/admin/shows/${id}/media-uploads`, { kind: "thumbnail", content_type: "image/png", size: 10 })).data.upload
      expect(await putTo(big, Buffer.alloc(6 * 1024 * 1024, 1))).toBe(200)
      expect(await post(`/admin/shows/${id}/media`, { kind: "thumbnail", key: big.key })).toMatchObject({ status: 400, data: { code: "media_too_large" } })
      expect(await s3.get(big.key)).toBeNull()
      expect(await adminShow(id)).toMatchObject({ thumbnail: null, preview_url: null })
    })

    it("attaches only a key handed out for this show and kind, and only once it is uploaded", async () => {
      const id = await createShow(api, seller.headers)
      const other = await createShow(api, seller.headers)
      const mine = (await post(`/admin/shows/${id}/media-uploads`, { kind: "thumbnail", content_type: "image/png", size: PNG.length })).data.upload
      // Not uploaded yet.
      expect(await post(`/admin/shows/${id}/media`, { kind: "thumbnail", key: mine.key })).toMatchObject({ status: 400, data: { code: "upload_not_found" } })
      expect(await putTo(mine, PNG)).toBe(200)
      await s3.put(`shows/${id}/thumbnail/elsewhere.png`, PNG, "image/png")
      for (const [show, kind, key] of [
        [other, "thumbnail", mine.key],
        [id, "preview", mine.key],
        [id, "thumbnail", `shows/${id}/thumbnail/elsewhere.png`],
        [id, "thumbnail", `shows/${id}/thumbnail/../../${other}/thumbnail/x.png`],
      ]) {
        expect(await post(`/admin/shows/${show}/media`, { kind, key })).toMatchObject({ status: 400, data: { code: "upload_not_found" } })
      }
      expect((await adminShow(id)).thumbnail).toBeNull()
      expect((await adminShow(other)).thumbnail).toBeNull()
    })

    it("keeps another seller out of a show's media, and closed shows take no new media", async () => {
      const id = await createShow(api, seller.headers)
      const body = { kind: "thumbnail", content_type: "image/png", size: PNG.length }
      expect((await post(`/admin/shows/${id}/media-uploads`, body, rival.headers)).status).toBe(404)
      const upload = (await post(`/admin/shows/${id}/media-uploads`, body)).data.upload
      expect(await putTo(upload, PNG)).toBe(200)
      expect((await post(`/admin/shows/${id}/media`, { kind: "thumbnail", key: upload.key }, rival.headers)).status).toBe(404)
      expect((await post(`/admin/shows/${id}/media-uploads`, body, staff)).status).toBe(200)

      await post(`/admin/shows/${id}/go-live`)
      await post(`/admin/shows/${id}/end`)
      expect(await post(`/admin/shows/${id}/media-uploads`, body)).toMatchObject({ status: 400, data: { code: "show_closed" } })
      expect(await post(`/admin/shows/${id}/media`, { kind: "thumbnail", key: upload.key })).toMatchObject({ status: 400, data: { code: "show_closed" } })
      expect((await adminShow(id)).thumbnail).toBeNull()
    })
  },
})
