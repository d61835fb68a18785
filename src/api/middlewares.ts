import { defineMiddlewares } from "@medusajs/framework/http"
import { verifyStripeWebhook } from "./hooks/payment-webhook-guard"
import { LIVE_ROUTES } from "./route-table"
import { refuseLotLineRemoval } from "./store/carts/lot-line-guard"
import { toMiddlewareRoutes } from "./utils/live-routes"

export default defineMiddlewares({
  routes: [
    ...toMiddlewareRoutes(LIVE_ROUTES),
    // Guards on Medusa's own routes.
    { matcher: "/store/carts/:id/line-items/:line_id", methods: ["DELETE"], middlewares: [refuseLotLineRemoval] },
    { matcher: "/hooks/payment/:provider", methods: ["POST"], middlewares: [verifyStripeWebhook] },
  ],
})
