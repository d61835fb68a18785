import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createPublishableKeyHeader } from "../helpers/publishable-key"

jest.setTimeout(120_000)

// LiveKit is configured: the config offers it, at the URL clients connect to (wss:// for https://),
// and never its keys. (Jest gives each test file its own copy of process.env, so this stays in this file.)
// The server reaches LiveKit on an internal name; browsers are told the public URL.
Object.assign(process.env, {
  LIVEKIT_URL: "http://livekit.internal:7880",
  LIVEKIT_PUBLIC_URL: "https://video.example.com",
  LIVEKIT_API_KEY: "key",
  LIVEKIT_API_SECRET: "a-secret-of-16-chars",
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("GET /store/live/config", () => {
      it("should tell storefronts where the realtime server is and what is enabled, and only what works", async () => {
        const headers = await createPublishableKeyHeader(getContainer())
        const before = Date.now()

        const res = await api.get("/store/live/config", { headers })

        expect(res.status).toBe(200)
        const { config } = res.data
        expect(config.realtime).toEqual({ url: "http://localhost:9001", path: "/socket.io" })
        expect(config.features).toEqual({ auctions: true, video: "livekit" })
        expect(config.video).toEqual({ livekit_url: "wss://video.example.com" })
        expect(config.auctions.increments[0]).toEqual({ from: 0, increment: 1 })
        expect(config.auctions.soft_close_seconds).toBe(10)
        expect(Date.parse(config.server_time)).toBeGreaterThanOrEqual(before - 1000)
      })

      it("should never expose module internals such as the database URL", async () => {
        const headers = await createPublishableKeyHeader(getContainer())
        const res = await api.get("/store/live/config", { headers })
        expect(JSON.stringify(res.data)).not.toMatch(/postgres|database|clientUrl|a-secret-of-16-chars|apiKey/i)
      })

      it("should require a publishable key", async () => {
        const res = await api.get("/store/live/config").catch((e: { response: unknown }) => e.response as { status: number; data: { type: string } })
        expect(res.status).toBe(400)
        expect(res.data.type).toBe("not_allowed")
      })
    })
  },
})
