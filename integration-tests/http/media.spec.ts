import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { sweepShowMedia } from "../../src/lib/media/release-show-media"
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
    /** Uploads a PNG (or a clip) for the show through a presigned URL, and returns its key. */
    const upload = async (id: string, kind: "thumbnail" | "preview" = "thumbnail") => {
      const [body, content_type] = kind === "thumbnail" ? [PNG, "image/png"] : [Buffer.alloc(1024, 7), "video/mp4"]
      const signed = (await post(`/admin/shows/${id}/media-uploads`, { kind, content_type, size: body.length })).data.upload
      expect(await putTo(signed, body)).toBe(200)
      return signed.key as string
    }
    /** Uploads and attaches; returns the key and the URL the show now holds. */
    const attach = async (id: string, kind: "thumbnail" | "preview" = "thumbnail") => {
      const key = await upload(id, kind)
      const res = await post(`/admin/shows/${id}/media`, { kind, key })
      expect(res.status).toBe(200)
      return { key, url: res.data.show[kind === "thumbnail" ? "thumbnail" : "preview_url"] as string }
    }
    const setThumbnail = async (id: string, thumbnail: string | null) => expect((await post(`/admin/shows/${id}`, { thumbnail })).status).toBe(200)
    const stored = async (key: string) => (await s3.get(key)) !== null

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

    describe("replaced and removed media", () => {
      it("deletes the replaced thumbnail or preview once the show points at the new one, and a removed one", async () => {
        const id = await createShow(api, seller.headers)
        const first = await attach(id)
        const second = await attach(id)
        expect([await stored(first.key), await stored(second.key)]).toEqual([false, true])
        expect((await adminShow(id)).thumbnail).toBe(second.url)

        const clip = await attach(id, "preview")
        const newer = await attach(id, "preview")
        expect([await stored(clip.key), await stored(newer.key), await stored(second.key)]).toEqual([false, true, true])

        // Removed through the show's settings, or replaced there by a URL from elsewhere.
        await setThumbnail(id, null)
        expect(await stored(second.key)).toBe(false)
        const third = await attach(id)
        await setThumbnail(id, "https://cdn.example.com/cards/friday.png")
        expect(await stored(third.key)).toBe(false)
        // Attaching the thumbnail a show already has keeps it.
        const same = await attach(id)
        expect((await post(`/admin/shows/${id}/media`, { kind: "thumbnail", key: same.key })).status).toBe(200)
        expect(await stored(same.key)).toBe(true)
      })

      it("keeps an object another show or a product still shows, and deletes it once none does", async () => {
        const id = await createShow(api, seller.headers)
        const other = await createShow(api, seller.headers)
        const shared = await attach(id)
        await setThumbnail(other, shared.url)
        const forProduct = await attach(id)
        expect(await stored(shared.key)).toBe(true)

        const product = await api.post(
          "/admin/products",
          { title: "Slab", thumbnail: forProduct.url, options: [{ title: "Size", values: ["One"] }], variants: [{ title: "One", options: { Size: "One" }, prices: [] }] },
          { headers: staff }
        )
        expect(product.status).toBe(200)
        await setThumbnail(id, null)
        expect(await stored(forProduct.key)).toBe(true)

        await setThumbnail(other, null)
        expect(await stored(shared.key)).toBe(false)
      })

      it("never deletes an object outside the plugin's show media, nor one named by another host's URL", async () => {
        const id = await createShow(api, seller.headers)
        // Medusa's own file uploads share the bucket in this app.
        await s3.put("uploads/banner.png", PNG, "image/png")
        await setThumbnail(id, `${s3.endpoint}/${s3.bucket}/uploads/banner.png`)
        await setThumbnail(id, null)
        expect(await stored("uploads/banner.png")).toBe(true)

        const key = await upload(id)
        await setThumbnail(id, `https://cdn.example.com/${key}`)
        await setThumbnail(id, null)
        expect(await stored(key)).toBe(true)
      })

      it("keeps the old thumbnail, still shown, when the new one is refused", async () => {
        const id = await createShow(api, seller.headers)
        const kept = await attach(id)
        const forged = (await post(`/admin/shows/${id}/media-uploads`, { kind: "thumbnail", content_type: "image/png", size: 20 })).data.upload
        expect(await putTo(forged, Buffer.from("<html></html>"), "text/html")).toBe(200)
        expect((await post(`/admin/shows/${id}/media`, { kind: "thumbnail", key: forged.key })).status).toBe(400)

        const late = await upload(id)
        await post(`/admin/shows/${id}/go-live`)
        await post(`/admin/shows/${id}/end`)
        expect(await post(`/admin/shows/${id}/media`, { kind: "thumbnail", key: late })).toMatchObject({ data: { code: "show_closed" } })
        expect(await post(`/admin/shows/${id}`, { thumbnail: null })).toMatchObject({ data: { code: "show_closed" } })
        expect((await adminShow(id)).thumbnail).toBe(kept.url)
        expect(await stored(kept.key)).toBe(true)
      })

      it("sweeps uploads never attached once a day old, and keeps what shows use", async () => {
        const id = await createShow(api, seller.headers)
        const abandoned = await upload(id)
        const used = await attach(id)
        await s3.put("uploads/banner.png", PNG, "image/png")
        await sweepShowMedia(getContainer())
        expect(await stored(abandoned)).toBe(true)

        await sweepShowMedia(getContainer(), new Date(Date.now() + 25 * 60 * 60 * 1000))
        expect([await stored(abandoned), await stored(used.key), await stored("uploads/banner.png")]).toEqual([false, true, true])
      })

      // Last: it stops the store (a fresh empty one is started for the rest).
      it("answers a removal whose delete fails (the store away) like any other", async () => {
        const id = await createShow(api, seller.headers)
        await attach(id)
        await s3.stop()
        try {
          await setThumbnail(id, null)
          expect((await adminShow(id)).thumbnail).toBeNull()
        } finally {
          await s3.start()
        }
      })
    })
  },
})
