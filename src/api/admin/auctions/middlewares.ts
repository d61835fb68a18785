import { FieldsQuery, IdParams, NoQuery } from "../../utils/validators"
import { actionRoutes, ADMINS, OWNER_OR_STAFF, STAFF_ONLY, type LiveRoute } from "../../utils/live-routes"
import {
  AdminBlockBidder,
  AdminCreateAuction,
  AdminGetAllBids,
  AdminGetAuctions,
  AdminGetBidderBlocks,
  AdminGetBids,
  AdminGetLotOffers,
  AdminUpdateAuction,
} from "./validators"
import {
  adminAllBidListFields,
  adminAuctionFields,
  adminAuctionListFields,
  adminBidderBlockListFields,
  adminBidListFields,
  adminLotOfferListFields,
} from "./query-config"

const lot = IdParams("id")
const ownLot = { owner: "auction" } as const

export const adminAuctionRoutes: LiveRoute[] = [
  { method: "GET", path: "/admin/auctions", query: AdminGetAuctions, fields: adminAuctionListFields, scope: "admins", access: ADMINS },
  { method: "POST", path: "/admin/auctions", query: NoQuery, body: AdminCreateAuction, scope: "admins", access: ADMINS },
  {
    method: "GET",
    path: "/admin/auctions/:id",
    params: lot,
    query: FieldsQuery,
    fields: adminAuctionFields,
    scope: ownLot,
    access: OWNER_OR_STAFF,
  },
  {
    method: "POST",
    path: "/admin/auctions/:id",
    params: lot,
    query: NoQuery,
    body: AdminUpdateAuction,
    scope: ownLot,
    access: OWNER_OR_STAFF,
  },
  ...actionRoutes("/admin/auctions/:id", ["start", "cancel", "rerun"], lot, ownLot, OWNER_OR_STAFF),
  {
    method: "GET",
    path: "/admin/auctions/:id/bids",
    params: lot,
    query: AdminGetBids,
    fields: adminBidListFields,
    scope: ownLot,
    access: OWNER_OR_STAFF,
  },
  { method: "GET", path: "/admin/bids", query: AdminGetAllBids, fields: adminAllBidListFields, scope: "admins", access: ADMINS },
  { method: "GET", path: "/admin/lot-offers", query: AdminGetLotOffers, fields: adminLotOfferListFields, scope: "admins", access: ADMINS },
  {
    method: "GET",
    path: "/admin/bidder-blocks",
    query: AdminGetBidderBlocks,
    fields: adminBidderBlockListFields,
    scope: "admins",
    access: ADMINS,
  },
  { method: "POST", path: "/admin/bidder-blocks", query: NoQuery, body: AdminBlockBidder, scope: "staff", access: STAFF_ONLY },
  {
    method: "DELETE",
    path: "/admin/bidder-blocks/:customer_id",
    params: IdParams("customer_id"),
    query: NoQuery,
    scope: "staff",
    access: STAFF_ONLY,
  },
]
