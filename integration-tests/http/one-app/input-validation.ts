import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { adminHeaders, createBuyers, type Buyer } from "../../helpers/actors"
import { bid, createLot, LOT } from "../../helpers/auctions"
import { attempt } from "../../helpers/checkout"
import { outboxPublished, pluginTablesChecksum } from "../../helpers/plugin-tables"

/**
 * Issue #11's findings, one by one: what an edit leaves alone, and bad input that must be a 400
 * (or a 404) that writes nothing, never a 500 and never quietly accepted.
 */
export function inputValidationSuite({ api, getContainer, dbConnection }: MedusaSuiteOptions): void {
  let admin: Record<string, string>
  let buyers: Buyer[]

  beforeEach(async () => {
    admin = await adminHeaders(getContainer(), api)
    buyers = await createBuyers(getContainer(), 2)
  })

  const post = (url: string, body: unknown, headers = admin) => attempt(api.post(url, body, { headers }))
  const get = (url: string, headers = admin) => attempt(api.get(url, { headers }))

  describe("POST /admin/auctions/:id", () => {
    it("should change only the fields an edit names, and refuse an empty edit", async () => {
      const settings = { duration_seconds: 600, soft_close_mode: "extend", sudden_death: true, allow_prebids: false }
      const id = await createLot(api, admin, settings, { start: false })

      const edited = await post(`/admin/auctions/${id}`, { title: "Renamed" })
      expect(edited.status).toBe(200)
      expect(edited.data.auction).toMatchObject({ title: "Renamed", ...settings })

      const empty = await post(`/admin/auctions/${id}`, {})
      expect(empty.status).toBe(400)
      expect((await get(`/admin/auctions/${id}`)).data.auction).toMatchObject({ title: "Renamed", ...settings })
    })
  })

  describe("bad input", () => {
    it("should answer NUL bytes and out-of-range dates with a 400 and write nothing", async () => {
      const lot = await createLot(api, admin)
      await outboxPublished(dbConnection) // the relay finishing the lot's own events is not a write of ours
      const before = await pluginTablesChecksum(dbConnection)
      const NUL = "\u0000"
      const farPast = -8.64e15
      const cases: [string, () => Promise<{ status: number }>][] = [
        ["a NUL in a lot id", () => get(`/admin/auctions/auc_%00`)],
        ["a NUL in a Store lot id", () => get(`/store/auctions/x%00y`, buyers[0].headers)],
        ["a NUL in a query value", () => get(`/admin/auctions?show_id=show_%00`)],
        ["a NUL in a title", () => post("/admin/auctions", { ...LOT, title: `Card${NUL}` })],
        ["a NUL deep in metadata", () => post("/admin/auctions", { ...LOT, metadata: { a: { b: [NUL] } } })],
        ["a NUL in a show's playback URL", () => post("/admin/shows", { title: "x", playback_url: `https://x.test/${NUL}` })],
        [
          "a NUL in an idempotency key",
          () => post(`/store/auctions/${lot}/bids`, { amount: 5, idempotency_key: `key-${NUL}-123` }, buyers[0].headers),
        ],
        ["a lot scheduled at -8.64e15", () => post("/admin/auctions", { ...LOT, scheduled_at: farPast })],
        ["a show scheduled at -8.64e15", () => post("/admin/shows", { title: "x", scheduled_at: farPast })],
        ["a show in year 275760", () => post("/admin/shows", { title: "x", scheduled_at: "+275760-09-13T00:00:00.000Z" })],
        ["a block expiring at -8.64e15", () => post("/admin/bidder-blocks", { customer_id: buyers[0].id, expires_at: farPast })],
        ["scheduled_at: true", () => post("/admin/auctions", { ...LOT, scheduled_at: true })],
        ["scheduled_at: [0]", () => post("/admin/auctions", { ...LOT, scheduled_at: [0] })],
        ["a lot scheduled in the past", () => post("/admin/auctions", { ...LOT, scheduled_at: "2001-01-01T00:00:00Z" })],
        ["currency xyz", () => post("/admin/auctions", { ...LOT, currency_code: "xyz" })],
        ["an increment of 1e-9", () => post("/admin/auctions", { ...LOT, increments: [{ from: 0, increment: 1e-9 }] })],
        ["half a yen", () => post("/admin/auctions", { ...LOT, currency_code: "jpy", starting_price: 5.5 })],
        ["a seller account that does not exist", () => post("/admin/auctions", { ...LOT, seller_customer_id: "cus_nobody" })],
        ["a block for a customer that does not exist", () => post("/admin/bidder-blocks", { customer_id: "cus_nobody" })],
      ]
      const answers = []
      for (const [what, request] of cases) {
        answers.push([what, (await request()).status])
      }
      expect(answers).toEqual(cases.map(([what]) => [what, 400]))
      expect(await pluginTablesChecksum(dbConnection)).toEqual(before)
    })

    it("should say which rule a refused value broke, with a machine code", async () => {
      const codes = await Promise.all([
        post("/admin/auctions", { ...LOT, currency_code: "xyz" }),
        post("/admin/auctions", { ...LOT, currency_code: "jpy", starting_price: 5.5 }),
        post("/admin/auctions", { ...LOT, seller_customer_id: "cus_nobody" }),
        post("/admin/bidder-blocks", { customer_id: "cus_nobody" }),
      ])
      expect(codes.map((r) => [r.status, r.data.code])).toEqual([
        [400, "unknown_currency"],
        [400, "below_currency_unit"],
        [400, "customer_not_found"],
        [400, "customer_not_found"],
      ])
      // A yen lot in whole yen is fine.
      expect((await post("/admin/auctions", { ...LOT, currency_code: "jpy", starting_price: 500 })).status).toBe(200)
    })

    it("should lift only a block that is there", async () => {
      const [A] = buyers
      const lifted = await attempt(api.delete(`/admin/bidder-blocks/${A.id}`, { headers: admin }))
      expect([lifted.status, lifted.data.code]).toEqual([404, "block_not_found"])

      expect((await post("/admin/bidder-blocks", { customer_id: A.id, reason: "chargeback" })).status).toBe(200)
      const lot = await createLot(api, admin)
      expect((await bid(api, lot, A.headers, { amount: 5 })).data.code).toBe("bidder_blocked")
      const again = await attempt(api.delete(`/admin/bidder-blocks/${A.id}`, { headers: admin }))
      expect(again.data).toEqual({ customer_id: A.id, object: "bidder_block", deleted: true })
      expect((await bid(api, lot, A.headers, { amount: 5 })).status).toBe(200)
    })
  })
}
