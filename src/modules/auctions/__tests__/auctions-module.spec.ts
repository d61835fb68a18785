import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { AUCTIONS_MODULE } from ".."
import validateOptionsLoader from "../loaders/validate-options"
import { Auction, AuctionEvent, Bid, BidderBlock } from "../models"
import AuctionsModuleService from "../service"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<AuctionsModuleService>({
  moduleName: AUCTIONS_MODULE,
  moduleModels: [Auction, Bid, AuctionEvent, BidderBlock],
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

    describe("placeBid under concurrency", () => {
      it("serialises 60 simultaneous bids on one lot: contiguous seqs, rising prices, one leader", async () => {
        const lot = await service.createAuctions({
          title: "Hot lot",
          currency_code: "usd",
          starting_price: 1,
          duration_seconds: 300,
          soft_close_seconds: 0,
        })
        expect((await service.startAuction(lot.id)).ok).toBe(true)

        const results = await Promise.all(
          Array.from({ length: 60 }, (_, i) =>
            service.placeBid({
              auction_id: lot.id,
              customer_id: `cus_${i}`,
              kind: i % 2 ? "max" : "straight",
              amount: 1 + ((i * 37) % 60),
              idempotency_key: `key-${i}`,
            })
          )
        )
        const accepted = results
          .flatMap((r) => (r.accepted ? [r.bid] : []))
          .sort((a, b) => a.seq - b.seq)
        const rejectedCodes = new Set(results.flatMap((r) => (r.accepted ? [] : [r.code])))
        expect([...rejectedCodes].every((c) => c === "bid_too_low" || c === "already_leading")).toBe(true)
        expect(accepted.map((b) => b.seq)).toEqual(accepted.map((_, i) => i + 2))
        for (let i = 1; i < accepted.length; i++) {
          expect(accepted[i].price_after).toBeGreaterThanOrEqual(accepted[i - 1].price_after)
        }
        const [after] = await service.listAuctions({ id: lot.id })
        expect(after.bid_count).toBe(accepted.length)
        expect(after.seq).toBe(accepted.length + 1)
        expect(Number(after.current_price)).toBe(accepted[accepted.length - 1].price_after)
        const top = Math.max(...accepted.map((b) => b.amount))
        expect(Number(after.leader_max)).toBe(top)
        expect(await service.listBids({ auction_id: lot.id })).toHaveLength(accepted.length)
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
        const bid = {
          auction_id: lot.id,
          customer_id: "cus_1",
          kind: "straight" as const,
          amount: 2,
          price_after: 2,
          outcome: "leading" as const,
          idempotency_key: "k1",
          seq: 1,
        }
        const created = await service.createBids(bid)
        expect(created.id).toMatch(/^bid_/)
        await expect(service.createBids({ ...bid, seq: 2 })).rejects.toThrow()
        expect(await service.listBids({ auction_id: lot.id })).toHaveLength(1)
      })
    })
  },
})
