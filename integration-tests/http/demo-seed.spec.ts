import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DEMO_PRODUCTS, DEMO_SHOW_TITLE } from "../../scripts/seed/demo-data"
import { seedDemo } from "../../scripts/seed/seed-demo"

jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("demo seed (what `npm start` loads on first run)", () => {
      it("should make a browsable shop with logins, and be a no-op the second time", async () => {
        const first = await seedDemo(getContainer())
        expect(first.created).toBe(true)
        const headers = { "x-publishable-api-key": first.publishable_key }

        const products = await api.get("/store/products?fields=title,thumbnail,*images,*variants", { headers })
        expect(products.data.products.map((p: { title: string }) => p.title).sort()).toEqual(
          DEMO_PRODUCTS.map((p) => p.title).sort()
        )
        for (const product of products.data.products) {
          expect(product.thumbnail).toMatch(/^http.*\.svg$/)
          expect(product.images).toHaveLength(1)
        }

        const regions = await api.get("/store/regions", { headers })
        expect(regions.data.regions).toEqual([expect.objectContaining({ currency_code: "usd" })])

        const config = await api.get("/store/live/config", { headers })
        expect(config.status).toBe(200)

        const admin = await api.post("/auth/user/emailpass", first.admin)
        expect(admin.data.token).toEqual(expect.any(String))
        const me = await api.get("/admin/users/me", { headers: { authorization: `Bearer ${admin.data.token}` } })
        expect(me.data.user.email).toBe(first.admin.email)

        const shows = await api.get("/admin/shows", { headers: { authorization: `Bearer ${admin.data.token}` } })
        expect(shows.data.shows).toEqual([expect.objectContaining({ title: DEMO_SHOW_TITLE, seller_id: me.data.user.id, status: "scheduled" })])
        const storeShows = await api.get("/store/shows", { headers })
        expect(storeShows.data.shows.map((s: { title: string }) => s.title)).toEqual([DEMO_SHOW_TITLE])

        const buyer = await api.post("/auth/customer/emailpass", first.customer)
        const customer = await api.get("/store/customers/me", {
          headers: { ...headers, authorization: `Bearer ${buyer.data.token}` },
        })
        expect(customer.data.customer.email).toBe(first.customer.email)

        const second = await seedDemo(getContainer())
        expect(second).toEqual({ ...first, created: false })
        const again = await api.get("/store/products", { headers })
        expect(again.data.count).toBe(DEMO_PRODUCTS.length)
      })
    })
  },
})
