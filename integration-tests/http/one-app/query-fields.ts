import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { adminHeaders, createBuyers } from "../../helpers/actors"
import { bid, createLot, createShow } from "../../helpers/auctions"
import { attempt, demoShop } from "../../helpers/checkout"

/** `?fields=` on the plugin's list and get routes, as on Medusa's own: linked records, and a 400 for a field a route does not offer. */
export function queryFieldsSuite({ api, getContainer }: MedusaSuiteOptions): void {
  it("should read a lot with its product variant, and a show with its seller", async () => {
    const { store, variantIds } = await demoShop(getContainer(), api)
    const admin = await adminHeaders(getContainer(), api)
    const [A] = await createBuyers(getContainer(), 1, store)
    const show = await createShow(api, admin, { title: "Friday breaks" })
    const id = await createLot(api, admin, { show_id: show, product_variant_id: variantIds[0] })
    await bid(api, id, A.headers, { max_amount: 30 })

    const lot = await api.get(`/store/auctions/${id}?fields=id,title,min_next_bid,product_variant.title,product_variant.product.title,show.title`, { headers: store })
    // What was asked for (Query adds the keys that join linked records, as on Medusa's routes).
    expect(lot.data.auction).toMatchObject({
      id,
      title: "Holo card",
      min_next_bid: 6,
      product_variant: { id: variantIds[0], title: expect.any(String), product: { id: expect.any(String), title: expect.any(String) } },
      show: { id: show, title: "Friday breaks" },
    })
    expect(lot.data.auction).not.toHaveProperty("current_price")
    expect(lot.data.auction).not.toHaveProperty("leader")
    // Computed fields read private columns, which never leave.
    expect(JSON.stringify(lot.data)).not.toMatch(/leader_max|leader_customer_id|reserve_price|cus_/)

    const list = await api.get(`/store/auctions?show_id=${show}&fields=id,leader,+current_price`, { headers: store })
    expect(list.data.auctions).toEqual([{ id, leader: expect.stringMatching(/^bidder-/), current_price: 5 }])

    const staffShow = await api.get(`/admin/shows/${show}?fields=id,title,seller.email`, { headers: admin })
    expect(staffShow.data.show).toMatchObject({ id: show, title: "Friday breaks", seller: { id: expect.any(String), email: expect.stringContaining("@") } })
    const staffLot = await api.get(`/admin/auctions/${id}?fields=id,leader_max,*winner,show.title`, { headers: admin })
    expect(staffLot.data.auction).toMatchObject({ id, leader_max: 30, show: { title: "Friday breaks" } })

    const viewerShow = await api.get(`/store/shows/${show}?fields=title`, { headers: store })
    expect(viewerShow.data.show).toEqual({ id: show, title: "Friday breaks" })
    const withLineup = await api.get(`/store/shows/${show}`, { headers: store })
    expect(withLineup.data.show.auctions.map((l: { id: string }) => l.id)).toEqual([id])
  })

  it("should refuse a field a route does not offer with a 400 naming it", async () => {
    const { store } = await demoShop(getContainer(), api)
    const admin = await adminHeaders(getContainer(), api)
    const id = await createLot(api, admin)
    const show = await createShow(api, admin)
    const cases: [string, Record<string, string>][] = [
      [`/store/auctions/${id}?fields=id,titel`, store],
      [`/store/auctions?fields=leader_max`, store], // private on the Store API
      [`/store/auctions?fields=+reserve_price`, store],
      [`/store/auctions/${id}?fields=*show`, store], // the whole show would carry its seller
      [`/store/shows/${show}?fields=seller_id`, store],
      [`/admin/auctions/${id}?fields=nope`, admin],
      [`/admin/shows?fields=*nope`, admin],
      [`/admin/lot-offers?fields=id,cart.total`, admin],
      [`/store/auctions?a.b.c=1`, store],
    ]
    for (const [url, headers] of cases) {
      const res = await attempt(api.get(url, { headers }))
      expect({ url, status: res.status, type: res.data.type }).toEqual({ url, status: 400, type: "invalid_data" })
    }
    const named = await attempt(api.get(`/store/auctions/${id}?fields=id,titel`, { headers: store }))
    expect(named.data.message).toContain("titel")
  })
}
