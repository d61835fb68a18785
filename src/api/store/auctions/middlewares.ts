import { FieldsQuery, IdParams, NoQuery } from "../../utils/validators"
import { STORE_CUSTOMER, STORE_PUBLIC, type LiveRoute } from "../../utils/live-routes"
import {
  storeAuctionFields,
  storeAuctionListFields,
  storeBidListFields,
  storeLotOfferListFields,
  storeOwnBidListFields,
} from "./query-config"
import { StoreGetAuctions, StoreGetBids, StoreGetLotOffers, StorePlaceBid } from "./validators"

const lot = IdParams("id")

export const storeAuctionRoutes: LiveRoute[] = [
  { method: "GET", path: "/store/auctions", query: StoreGetAuctions, fields: storeAuctionListFields, access: STORE_PUBLIC },
  // Anyone may look; a logged-in customer also sees their own max.
  {
    method: "GET",
    path: "/store/auctions/:id",
    params: lot,
    query: FieldsQuery,
    fields: storeAuctionFields,
    auth: "customer_optional",
    access: STORE_PUBLIC,
  },
  {
    method: "POST",
    path: "/store/auctions/:id/bids",
    params: lot,
    query: NoQuery,
    body: StorePlaceBid,
    auth: "customer",
    access: STORE_CUSTOMER,
  },
  { method: "GET", path: "/store/auctions/:id/bids", params: lot, query: StoreGetBids, fields: storeBidListFields, access: STORE_PUBLIC },
  { method: "GET", path: "/store/customers/me/bids", query: StoreGetBids, fields: storeOwnBidListFields, access: STORE_CUSTOMER },
  {
    method: "GET",
    path: "/store/customers/me/lot-offers",
    query: StoreGetLotOffers,
    fields: storeLotOfferListFields,
    access: STORE_CUSTOMER,
  },
]
