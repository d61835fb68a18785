import { DEFAULT_BID_INCREMENTS, parseLiveCommerceOptions } from "../options"

describe("parseLiveCommerceOptions", () => {
  it("applies the defaults when no options are given", () => {
    expect(parseLiveCommerceOptions(undefined)).toEqual({
      realtime: { url: "http://localhost:9001", path: "/socket.io" },
      auctions: { increments: DEFAULT_BID_INCREMENTS, softCloseSeconds: 10 },
      media: {},
      settlement: {
        paymentWindowSeconds: 86400,
        reminderSecondsBeforeDue: [3600],
        runnerUpDepth: 2,
        runnerUpWindowSeconds: null,
        autoCharge: true,
        autoChargeProviderId: "pp_stripe_stripe",
      },
    })
  })

  it("ignores the database settings Medusa adds to every module's options", () => {
    const options = parseLiveCommerceOptions({ database: { clientUrl: "postgres://secret" } })
    expect(options).not.toHaveProperty("database")
  })

  it("keeps valid options", () => {
    const options = parseLiveCommerceOptions({
      realtime: { url: "wss://live.example.com", path: "/rt" },
      livekit: { url: "https://lk.example.com", apiKey: "key", apiSecret: "a-secret-of-16-chars" },
      auctions: { increments: [{ from: 0, increment: 0.5 }, { from: 10, increment: 1 }], softCloseSeconds: 0 },
    })
    expect(options.realtime).toEqual({ url: "wss://live.example.com", path: "/rt" })
    expect(options.livekit).toMatchObject({ apiKey: "key", publisherGraceSeconds: 20, viewerTokenTtlSeconds: 600 })
    expect(options.media).toEqual({})
    expect(options.auctions.increments).toHaveLength(2)
    expect(options.auctions.softCloseSeconds).toBe(0)
  })

  it.each([
    [{ realtme: {} }, "`realtme` is not an option"],
    [{ realtime: { url: "ftp://example.com" } }, "`realtime.url`"],
    [{ realtime: { path: "socket" } }, "`realtime.path`"],
    [{ livekit: { url: "https://lk.example.com", apiKey: "k", apiSecret: "short" } }, "`livekit.apiSecret` must be at least 16 characters"],
    [{ livekit: { url: "https://lk.example.com" } }, "`livekit.apiKey`"],
    [{ livekit: { url: "https://lk.example.com", apiKey: "k", apiSecret: "a-secret-of-16-chars", publisherGraceSeconds: 0 } }, "`livekit.publisherGraceSeconds`"],
    [{ livekit: { url: "https://lk.example.com", apiKey: "k", apiSecret: "a-secret-of-16-chars", viewerTokenTtlSeconds: 5 } }, "`livekit.viewerTokenTtlSeconds`"],
    [{ media: { s3: { bucket: "b", region: "r", accessKeyId: "a" } } }, "`media.s3.secretAccessKey`"],
    [{ media: { s3: { bucket: "b", region: "r", accessKeyId: "a", secretAccessKey: "s", endpoint: "ftp://x" } } }, "`media.s3.endpoint`"],
    [{ media: { s3: { bucket: "b", region: "r", accessKeyId: "a", secretAccessKey: "s", acl: "public" } } }, "`media.s3.acl` is not an option"],
    [{ media: { cdn: "x" } }, "`media.cdn` is not an option"],
    [{ auctions: { increments: [] } }, "`auctions.increments`"],
    [{ settlement: { paymentWindowSeconds: 5 } }, "`settlement.paymentWindowSeconds`"],
    [{ settlement: { runnerUpDepth: -1 } }, "`settlement.runnerUpDepth`"],
    [{ settlement: { reminderSecondsBeforeDue: [0] } }, "`settlement.reminderSecondsBeforeDue.0`"],
    [{ settlement: { autocharge: true } }, "`settlement.autocharge` is not an option"],
    [{ auctions: { increments: [{ from: 5, increment: 1 }] } }, "the first step must start at 0"],
    [
      { auctions: { increments: [{ from: 0, increment: 1 }, { from: 0, increment: 2 }] } },
      "strictly ascending",
    ],
    [{ auctions: { increments: [{ from: 0, increment: 0 }] } }, "`auctions.increments.0.increment`"],
    [{ auctions: { increments: [{ from: 0, increment: -1 }] } }, "`auctions.increments.0.increment`"],
    [{ auctions: { increments: [{ from: 0, increment: 1e-9 }] } }, "`auctions.increments.0.increment` must be at least 0.01"],
    [{ auctions: { increments: [{ from: 0, increment: 0.015 }] } }, "`auctions.increments.0.increment` must have at most 2 decimals"],
    [{ auctions: { softCloseSeconds: 1.5 } }, "`auctions.softCloseSeconds`"],
    [{ auctions: { softCloseSeconds: "10" } }, "`auctions.softCloseSeconds`"],
  ])("rejects %j with a message naming the option", (raw, fragment) => {
    expect(() => parseLiveCommerceOptions(raw)).toThrow(fragment)
    expect(() => parseLiveCommerceOptions(raw)).toThrow(/^medusa-plugin-live-commerce: invalid plugin options: /)
  })

  it("names every bad option in one message", () => {
    expect(() =>
      parseLiveCommerceOptions({ realtime: { url: "nope" }, auctions: { softCloseSeconds: -1 } })
    ).toThrow(/`realtime\.url`.*; `auctions\.softCloseSeconds`/)
  })
})

describe("video and media options", () => {
  it("takes S3 for recordings with its optional parts, and LiveKit's grace and token lifetime", () => {
    const options = parseLiveCommerceOptions({
      livekit: { url: "wss://lk.example.com", apiKey: "k", apiSecret: "a-secret-of-16-chars", publisherGraceSeconds: 3, viewerTokenTtlSeconds: 60 },
      media: { s3: { bucket: "live", region: "us-east-1", endpoint: "http://127.0.0.1:9002", accessKeyId: "a", secretAccessKey: "s", forcePathStyle: true } },
    })
    expect(options.livekit).toMatchObject({ publisherGraceSeconds: 3, viewerTokenTtlSeconds: 60 })
    expect(
      parseLiveCommerceOptions({ livekit: { url: "http://livekit:7880", publicUrl: "ws://localhost:7880", apiKey: "k", apiSecret: "a-secret-of-16-chars" } })
        .livekit?.publicUrl
    ).toBe("ws://localhost:7880")
    expect(() =>
      parseLiveCommerceOptions({ livekit: { url: "http://livekit:7880", publicUrl: "ftp://x", apiKey: "k", apiSecret: "a-secret-of-16-chars" } })
    ).toThrow("`livekit.publicUrl`")
    expect(options.media.s3).toEqual({
      bucket: "live",
      region: "us-east-1",
      endpoint: "http://127.0.0.1:9002",
      accessKeyId: "a",
      secretAccessKey: "s",
      forcePathStyle: true,
    })
  })
})
