import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAuctionRoutesMiddlewares } from "./admin/auctions/middlewares"
import { adminShowRoutesMiddlewares } from "./admin/shows/middlewares"
import { verifyStripeWebhook } from "./hooks/payment-webhook-guard"
import { storeAuctionRoutesMiddlewares } from "./store/auctions/middlewares"
import { storeShowRoutesMiddlewares } from "./store/shows/middlewares"

export default defineMiddlewares({
  routes: [
    ...storeAuctionRoutesMiddlewares,
    ...adminAuctionRoutesMiddlewares,
    ...storeShowRoutesMiddlewares,
    ...adminShowRoutesMiddlewares,
    { matcher: "/hooks/payment/:provider", method: ["POST"], middlewares: [verifyStripeWebhook] },
  ],
})
