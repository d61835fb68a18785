import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { AUCTIONS_MODULE } from ".."
import validateOptionsLoader from "../loaders/validate-options"
import { Auction, AuctionEvent, Bid, BidderBlock, BidRequest, LotOffer } from "../models"
import AuctionsModuleService from "../service"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<AuctionsModuleService>({
  moduleName: AUCTIONS_MODULE,
  moduleModels: [Auction, Bid, AuctionEvent, BidderBlock, LotOffer, BidRequest],
  resolve: "./src/modules/auctions",
  moduleOptions: { realtime: { url: "https://live.example.com" }, auctions: { softCloseSeconds: 20 } },
  testSuite: ({ service, MikroOrmWrapper }) => {
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
          .flatMap((r) => (r.status === 200 ? [r.body.bid] : []))
          .sort((a, b) => a.seq - b.seq)
        const rejectedCodes = new Set(results.flatMap((r) => (r.status === 400 ? [r.body.code] : [])))
        expect(results.every((r) => r.status === 200 || r.status === 400)).toBe(true)
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

    describe("settlement", () => {
      /** A lot sold to cus_a at 32 (30 + the increment of 2), with cus_b (max 30) and cus_c (20) behind. */
      async function soldLot(extra: Record<string, unknown> = {}) {
        const lot = await service.createAuctions({
          title: "Sold lot",
          currency_code: "usd",
          starting_price: 10,
          soft_close_seconds: 0,
          duration_seconds: 300,
          ...extra,
        })
        await service.startAuction(lot.id)
        const bid = (customer_id: string, kind: "max" | "straight", amount: number) =>
          service.placeBid({ auction_id: lot.id, customer_id, kind, amount, idempotency_key: `${lot.id}-${customer_id}-${amount}` })
        await bid("cus_c", "straight", 20)
        await bid("cus_b", "max", 30)
        await bid("cus_a", "max", 50)
        await service.updateAuctions({ id: lot.id, ends_at: new Date(Date.now() - 1000) })
        expect((await service.closeAuctionIfDue(lot.id))?.status).toBe("sold")
        return lot.id
      }

      const makeOverdue = (offerId: string) => service.updateLotOffers({ id: offerId, due_at: new Date(Date.now() - 1000) })

      it("opens one winner's offer per sold lot, however many processes try at once", async () => {
        const id = await soldLot()
        const opened = await Promise.all([service.openSettlements(), service.openSettlements(), service.openSettlements(id)])
        const offers = opened.flat().filter((o) => o.auction_id === id)
        expect(offers).toHaveLength(1)
        expect(offers[0]).toMatchObject({ rank: 0, customer_id: "cus_a", amount: 32, status: "pending" })
        expect((await service.retrieveAuction(id)).settlement_status).toBe("awaiting_payment")
      })

      it("refuses bids from a buyer past a deadline, then hands the lot to the runner-up exactly once", async () => {
        const id = await soldLot({ runner_up_depth: 1 })
        const [winner] = await service.openSettlements(id)
        const other = await service.createAuctions({ title: "Other", currency_code: "usd", starting_price: 1, duration_seconds: 300 })
        await service.startAuction(other.id)
        const bidOther = (customer_id: string, key: string) =>
          service.placeBid({ auction_id: other.id, customer_id, kind: "straight", amount: 1, idempotency_key: key })

        expect(await service.expireOffer(winner.id)).toBeNull() // not due yet
        await makeOverdue(winner.id)
        expect(await bidOther("cus_a", "k1")).toMatchObject({ status: 400, body: { code: "payment_overdue" } })

        const expiries = await Promise.all([1, 2, 3].map(() => service.expireOffer(winner.id)))
        const done = expiries.filter(Boolean)
        expect(done).toHaveLength(1)
        expect(done[0]!.next).toMatchObject({ rank: 1, customer_id: "cus_b", amount: 30, status: "pending" })
        expect((await service.retrieveAuction(id)).settlement_status).toBe("offered_to_runner_up")
        expect(await bidOther("cus_a", "k2")).toMatchObject({ status: 400, body: { code: "bidder_blocked" } })
        expect(await service.listBidderBlocks({ customer_id: "cus_a" })).toEqual([
          expect.objectContaining({ reason: `unpaid_lot:${id}`, expires_at: null }),
        ])

        // Depth 1: when cus_b lapses too, cus_c is not asked and the lot is forfeited.
        await makeOverdue(done[0]!.next!.id)
        expect((await service.expireOffer(done[0]!.next!.id))!.next).toBeNull()
        expect((await service.retrieveAuction(id)).settlement_status).toBe("forfeited")
        expect(await service.listLotOffers({ auction_id: id, customer_id: "cus_c" })).toEqual([])
      })

      it("marks an offer paid once: the same order again is a no-op, another order is refused", async () => {
        const id = await soldLot()
        const [offer] = await service.openSettlements(id)
        const results = await Promise.all([
          service.markOfferPaid(offer.id, "order_1"),
          service.markOfferPaid(offer.id, "order_1"),
          service.markOfferPaid(offer.id, "order_1"),
        ])
        expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1)
        expect(results.filter((r) => r.ok && r.duplicate)).toHaveLength(2)
        expect(await service.markOfferPaid(offer.id, "order_2")).toMatchObject({ ok: false, reason: "not_pending" })
        expect(await service.retrieveAuction(id)).toMatchObject({ settlement_status: "paid", order_id: "order_1" })
        await makeOverdue(offer.id)
        expect(await service.expireOffer(offer.id)).toBeNull() // paid offers never lapse
      })

      it("pages pending offers with carts by key, so offers marked paid mid-sweep do not hide others", async () => {
        const offers = []
        for (let i = 0; i < 3; i++) {
          const [offer] = await service.openSettlements(await soldLot())
          await service.updateLotOffers({ id: offer.id, cart_id: `cart_page_${i}` })
          offers.push(offer)
        }
        const seen: string[] = []
        for (let after = null as null | { id: string; created_at: Date }; ; ) {
          const page = await service.listPendingOffersWithCart(after, 1)
          if (!page.length) {
            break
          }
          seen.push(page[0].id)
          await service.markOfferPaid(page[0].id, `order_${page[0].id}`) // the set shrinks as the sweep goes
          after = page[0]
        }
        expect(seen).toEqual(expect.arrayContaining(offers.map((o) => o.id)))
      })

      it("leaves offers tried in this pass out of the next batch of offers without a cart", async () => {
        const [first] = await service.openSettlements(await soldLot())
        const [second] = await service.openSettlements(await soldLot())
        const all = (await service.listOffersWithoutCart()).map((o) => o.id)
        expect(all).toEqual(expect.arrayContaining([first.id, second.id]))
        const rest = (await service.listOffersWithoutCart([first.id])).map((o) => o.id)
        expect(rest).toContain(second.id)
        expect(rest).not.toContain(first.id)
      })

      it("queues a lapsed offer's cart line for clearing until it is recorded cleared", async () => {
        const id = await soldLot({ runner_up_depth: 0 })
        const [offer] = await service.openSettlements(id)
        await service.updateLotOffers({ id: offer.id, cart_id: "cart_lapsed" })
        expect((await service.listLinesToClear()).map((o) => o.id)).not.toContain(offer.id) // still pending
        await makeOverdue(offer.id)
        await service.expireOffer(offer.id)
        expect((await service.listLinesToClear()).map((o) => o.id)).toContain(offer.id)
        await service.markLineCleared(offer.id)
        expect((await service.listLinesToClear()).map((o) => o.id)).not.toContain(offer.id)
      })

      it("gives a cart's off-session charge to one caller only", async () => {
        const id = await soldLot()
        const [offer] = await service.openSettlements(id)
        await service.updateLotOffers({ id: offer.id, cart_id: "cart_1" })
        const claims = await Promise.all([1, 2, 3, 4].map(() => service.claimCartCharge("cart_1")))
        expect(claims.map((c) => c.length).sort()).toEqual([0, 0, 0, 1])
        await service.recordCartCharge([offer.id], { status: "declined", error: "Your card was declined." })
        expect(await service.claimCartCharge("cart_1")).toEqual([]) // never retried automatically
      })

      it("sends each reminder once, earliest first", async () => {
        const id = await soldLot({ payment_window_seconds: 3000 }) // due in 50 min: inside the 1 h reminder
        const [offer] = await service.openSettlements(id)
        const [first, second] = await Promise.all([service.claimDueReminders(), service.claimDueReminders()])
        expect([...first, ...second].filter((o) => o.id === offer.id)).toHaveLength(1)
        expect(await service.claimDueReminders()).toEqual([])
      })
    })

    describe("cancelShowLots (joins the caller's transaction)", () => {
      const lineup = (showId: string) =>
        service.createAuctions(
          [1, 2, 3].map((n) => ({
            title: `Lot ${n}`,
            currency_code: "usd",
            starting_price: 1,
            show_id: showId,
            status: "scheduled" as const,
            scheduled_at: new Date(Date.now() + 3_600_000),
          }))
        )
      const statuses = async (showId: string) =>
        (await service.listAuctions({ show_id: showId }, { order: { title: "ASC" } })).map((l) => l.status)

      it("cancels every scheduled lot of the show at once, with one event each", async () => {
        await lineup("show_a")
        const cancelled = await service.cancelShowLots("show_a")
        expect(cancelled.map((l) => l.status)).toEqual(["cancelled", "cancelled", "cancelled"])
        expect(await statuses("show_a")).toEqual(["cancelled", "cancelled", "cancelled"])
        expect(await service.listAuctionEvents({ name: "live_auction.cancelled" })).toHaveLength(3)
        expect(await service.cancelShowLots("show_a")).toEqual([])
      })

      it("rolls back with the caller's transaction: nothing cancelled, no event", async () => {
        await lineup("show_b")
        const rollback = MikroOrmWrapper.forkManager().transactional(async (transactionManager) => {
          expect(await service.cancelShowLots("show_b", { transactionManager })).toHaveLength(3)
          throw new Error("the caller's next write failed")
        })
        await expect(rollback).rejects.toThrow("the caller's next write failed")
        expect(await statuses("show_b")).toEqual(["scheduled", "scheduled", "scheduled"])
        expect(await service.listAuctionEvents({ name: "live_auction.cancelled" })).toHaveLength(0)
      })
    })
  },
})
