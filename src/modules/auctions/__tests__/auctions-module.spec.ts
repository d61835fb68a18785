import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { AUCTIONS_MODULE } from ".."
import validateOptionsLoader from "../loaders/validate-options"
import { Auction, Bid } from "../models"
import AuctionsModuleService from "../service"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<AuctionsModuleService>({
  moduleName: AUCTIONS_MODULE,
  moduleModels: [Auction, Bid],
  resolve: "./src/modules/auctions",
  moduleOptions: { realtime: { url: "https://live.example.com" }, auctions: { softCloseSeconds: 20 } },
  testSuite: ({ service }) => {
    describe("options", () => {
      it("exposes the validated options with defaults filled in", async () => {
        const options = await service.getOptions()
        expect(options.realtime).toEqual({ url: "https://live.example.com", path: "/socket.io" })
        expect(options.auctions.softCloseSeconds).toBe(20)
        expect(options.auctions.increments[0]).toEqual({ from: 0, increment: 1 })
        expect(options).not.toHaveProperty("database")
      })

      it("the loader rejects bad options at boot", async () => {
        await expect(
          validateOptionsLoader({ options: { livekit: { url: "x" } } } as never)
        ).rejects.toThrow("`livekit.url`")
      })
    })

    describe("auctions and bids", () => {
      it("stores a lot with its prices and an auc_ id", async () => {
        const lot = await service.createAuctions({
          title: "Holo card",
          currency_code: "usd",
          starting_price: 5,
        })
        expect(lot.id).toMatch(/^auc_/)
        expect(lot.status).toBe("draft")
        expect(lot.seq).toBe(0)
        expect(Number(lot.starting_price)).toBe(5)
      })

      it("refuses a negative starting price", async () => {
        await expect(
          service.createAuctions({ title: "Bad", currency_code: "usd", starting_price: -1 })
        ).rejects.toThrow(/live_auction_starting_price_check/)
      })

      it("refuses a second bid with the same idempotency key on a lot", async () => {
        const lot = await service.createAuctions({ title: "Lot", currency_code: "usd", starting_price: 1 })
        const bid = { auction_id: lot.id, customer_id: "cus_1", amount: 2, idempotency_key: "k1", seq: 1 }
        const created = await service.createBids(bid)
        expect(created.id).toMatch(/^bid_/)
        await expect(service.createBids({ ...bid, seq: 2 })).rejects.toThrow()
        expect(await service.listBids({ auction_id: lot.id })).toHaveLength(1)
      })
    })
  },
})
