import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAuctionRoutesMiddlewares } from "./admin/auctions/middlewares"
import { verifyStripeWebhook } from "./hooks/payment-webhook-guard"
import { storeAuctionRoutesMiddlewares } from "./store/auctions/middlewares"

export default defineMiddlewares({
  routes: [
    ...storeAuctionRoutesMiddlewares,
    ...adminAuctionRoutesMiddlewares,
    { matcher: "/hooks/payment/:provider", method: ["POST"], middlewares: [verifyStripeWebhook] },
  ],
})
