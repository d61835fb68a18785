import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { DEMO_PRODUCTS, DEMO_SELLER, DEMO_SELLER_SHOW_TITLE, DEMO_SHOW_TITLE } from "../../../scripts/seed/demo-data"
import { seedDemo } from "../../../scripts/seed/seed-demo"

export function demoSeedSuite({ api, getContainer }: MedusaSuiteOptions): void {
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

      const staff = { authorization: `Bearer ${admin.data.token}` }
      const shows = await api.get(`/admin/shows?seller_id=${me.data.user.id}`, { headers: staff })
      expect(shows.data.shows).toEqual([expect.objectContaining({ title: DEMO_SHOW_TITLE, seller_id: me.data.user.id, status: "scheduled" })])
      expect((await api.get("/admin/live/me", { headers: staff })).data.role).toBe("staff")
      const storeShows = await api.get("/store/shows", { headers })
      expect(storeShows.data.shows.map((s: { title: string }) => s.title)).toEqual([DEMO_SHOW_TITLE, DEMO_SELLER_SHOW_TITLE])

      // The demo seller: their own show, with a lineup of four draft lots of the demo products.
      expect(first.seller).toEqual({ email: DEMO_SELLER.email, password: DEMO_SELLER.password })
      const sellerLogin = await api.post("/auth/user/emailpass", first.seller)
      const seller = { authorization: `Bearer ${sellerLogin.data.token}` }
      const sellerMe = (await api.get("/admin/live/me", { headers: seller })).data
      expect(sellerMe).toMatchObject({ role: "seller", seller: { handle: DEMO_SELLER.handle, display_name: DEMO_SELLER.display_name } })
      const sellerShows = (await api.get("/admin/shows", { headers: seller })).data.shows
      expect(sellerShows).toEqual([expect.objectContaining({ title: DEMO_SELLER_SHOW_TITLE, seller_id: sellerMe.user_id, status: "scheduled" })])
      const lineup = (await api.get(`/admin/shows/${sellerShows[0].id}/lineup`, { headers: seller })).data.lots
      expect(lineup.map((l: any) => [l.position, l.status, l.duration_seconds, l.seller_id])).toEqual(
        [0, 1, 2, 3].map((i) => [i, "draft", 30, sellerMe.user_id])
      )
      expect(lineup.map((l: any) => l.title)).toEqual(DEMO_PRODUCTS.map((p) => p.title))
      expect(lineup.every((l: any) => l.soft_close_seconds > 0 && l.starting_price > 0 && l.product_variant_id)).toBe(true)

      const buyer = await api.post("/auth/customer/emailpass", first.customer)
      const customer = await api.get("/store/customers/me", {
        headers: { ...headers, authorization: `Bearer ${buyer.data.token}` },
      })
      expect(customer.data.customer.email).toBe(first.customer.email)

      const second = await seedDemo(getContainer())
      expect(second).toEqual({ ...first, created: false })
      const again = await api.get("/store/products", { headers })
      expect(again.data.count).toBe(DEMO_PRODUCTS.length)
      expect((await api.get("/admin/auctions", { headers: staff })).data.count).toBe(4)
      expect((await api.get("/admin/sellers", { headers: staff })).data.count).toBe(1)
    })
  })
}
