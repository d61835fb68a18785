import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import {
  AdminBlockBidder,
  AdminCreateAuction,
  AdminEmptyBody,
  AdminGetAuctions,
  AdminGetBids,
  AdminGetLotOffers,
  AdminUpdateAuction,
} from "./validators"

export const adminAuctionRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/auctions", method: ["GET"], middlewares: [validateAndTransformQuery(AdminGetAuctions, {})] },
  { matcher: "/admin/auctions", method: ["POST"], middlewares: [validateAndTransformBody(AdminCreateAuction)] },
  { matcher: "/admin/auctions/:id", method: ["POST"], middlewares: [validateAndTransformBody(AdminUpdateAuction)] },
  {
    matcher: "/admin/auctions/:id/(start|cancel|rerun)",
    method: ["POST"],
    middlewares: [validateAndTransformBody(AdminEmptyBody)],
  },
  { matcher: "/admin/auctions/:id/bids", method: ["GET"], middlewares: [validateAndTransformQuery(AdminGetBids, {})] },
  { matcher: "/admin/lot-offers", method: ["GET"], middlewares: [validateAndTransformQuery(AdminGetLotOffers, {})] },
  { matcher: "/admin/bidder-blocks", method: ["POST"], middlewares: [validateAndTransformBody(AdminBlockBidder)] },
]
