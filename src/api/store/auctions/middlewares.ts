import { authenticate, validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { refuseLotLineRemoval } from "../carts/lot-line-guard"
import { StoreGetAuctions, StoreGetBids, StoreGetLotOffers, StorePlaceBid } from "./validators"

export const storeAuctionRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/auctions",
    method: ["GET"],
    middlewares: [validateAndTransformQuery(StoreGetAuctions, {})],
  },
  {
    // Anyone may look; a logged-in customer also sees their own max.
    matcher: "/store/auctions/:id",
    method: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
  },
  {
    matcher: "/store/auctions/:id/bids",
    method: ["POST"],
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformBody(StorePlaceBid)],
  },
  {
    matcher: "/store/auctions/:id/bids",
    method: ["GET"],
    middlewares: [validateAndTransformQuery(StoreGetBids, {})],
  },
  {
    matcher: "/store/customers/me/bids",
    method: ["GET"],
    middlewares: [validateAndTransformQuery(StoreGetBids, {})],
  },
  {
    matcher: "/store/customers/me/lot-offers",
    method: ["GET"],
    middlewares: [validateAndTransformQuery(StoreGetLotOffers, {})],
  },
  {
    matcher: "/store/carts/:id/line-items/:line_id",
    method: ["DELETE"],
    middlewares: [refuseLotLineRemoval],
  },
]
