import { FieldsQuery, IdParams, NoQuery } from "../../utils/validators"
import { actionRoutes, STAFF_ONLY, type LiveRoute } from "../../utils/live-routes"
import {
  AdminBlockBidder,
  AdminCreateAuction,
  AdminGetAuctions,
  AdminGetBids,
  AdminGetLotOffers,
  AdminUpdateAuction,
} from "./validators"
import { adminAuctionFields, adminAuctionListFields, adminBidListFields, adminLotOfferListFields } from "./query-config"

const lot = IdParams("id")

export const adminAuctionRoutes: LiveRoute[] = [
  { method: "GET", path: "/admin/auctions", query: AdminGetAuctions, fields: adminAuctionListFields, access: STAFF_ONLY },
  { method: "POST", path: "/admin/auctions", query: NoQuery, body: AdminCreateAuction, access: STAFF_ONLY },
  { method: "GET", path: "/admin/auctions/:id", params: lot, query: FieldsQuery, fields: adminAuctionFields, access: STAFF_ONLY },
  { method: "POST", path: "/admin/auctions/:id", params: lot, query: NoQuery, body: AdminUpdateAuction, access: STAFF_ONLY },
  ...actionRoutes("/admin/auctions/:id", ["start", "cancel", "rerun"], lot, STAFF_ONLY),
  { method: "GET", path: "/admin/auctions/:id/bids", params: lot, query: AdminGetBids, fields: adminBidListFields, access: STAFF_ONLY },
  { method: "GET", path: "/admin/lot-offers", query: AdminGetLotOffers, fields: adminLotOfferListFields, access: STAFF_ONLY },
  { method: "POST", path: "/admin/bidder-blocks", query: NoQuery, body: AdminBlockBidder, access: STAFF_ONLY },
  {
    method: "DELETE",
    path: "/admin/bidder-blocks/:customer_id",
    params: IdParams("customer_id"),
    query: NoQuery,
    access: STAFF_ONLY,
  },
]
