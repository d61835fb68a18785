import { parseShowMediaKey } from "../kinds"
import { S3MediaStorage } from "../s3-storage"

const KEY = "shows/show_01M8TE7YRZBC485SM21V5EJ2S3/thumbnail/media_01M8TE7YVW6VXFXH60HCVC6G18.png"
const s3 = { region: "eu-west-1", bucket: "live-media", accessKeyId: "a", secretAccessKey: "s" }

describe("parseShowMediaKey", () => {
  it.each([
    [KEY, { show_id: "show_01M8TE7YRZBC485SM21V5EJ2S3", kind: "thumbnail" }],
    [KEY.replace("/thumbnail/", "/preview/").replace(".png", ".mp4"), { show_id: "show_01M8TE7YRZBC485SM21V5EJ2S3", kind: "preview" }],
    // Anything media-uploads did not hand out is not the plugin's to delete.
    ["uploads/banner.png", null],
    ["recordings/show_1/2026-12-01.mp4", null],
    [KEY.replace("/thumbnail/", "/banner/"), null],
    [KEY.replace("media_", "other_"), null],
    [`shows/../thumbnail/media_01M8TE7YVW6VXFXH60HCVC6G18.png`, null],
    [`x/${KEY}`, null],
  ])("%s", (key, parsed) => {
    expect(parseShowMediaKey(key)).toEqual(parsed)
  })
})

describe("S3MediaStorage.keyOf", () => {
  it.each([
    ["AWS", s3, `https://live-media.s3.eu-west-1.amazonaws.com/${KEY}`],
    ["an endpoint", { ...s3, endpoint: "http://127.0.0.1:9000/" }, `http://127.0.0.1:9000/live-media/${KEY}`],
    ["a public URL", { ...s3, publicUrl: "https://cdn.example.com/media" }, `https://cdn.example.com/media/${KEY}`],
  ])("reads the key back from the URL publicUrl makes with %s", (_, options, url) => {
    const storage = new S3MediaStorage(options)
    expect(storage.publicUrl(KEY)).toBe(url)
    expect(storage.keyOf(url)).toBe(KEY)
  })

  it("is null for a URL of another host, bucket or shape", () => {
    const storage = new S3MediaStorage({ ...s3, endpoint: "http://127.0.0.1:9000" })
    for (const url of [
      `https://cdn.example.com/live-media/${KEY}`,
      `http://127.0.0.1:9000/other-bucket/${KEY}`,
      `http://127.0.0.1:9000/live-media-2/${KEY}`,
      `http://127.0.0.1:9000/live-media/${KEY}?versionId=1`,
      "http://127.0.0.1:9000/live-media/%E0%A4%A",
    ]) {
      expect(storage.keyOf(url)).toBeNull()
    }
  })
})
