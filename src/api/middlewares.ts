import { defineMiddlewares } from "@medusajs/framework/http"
import { verifyStripeWebhook } from "./hooks/payment-webhook-guard"
import { LIVE_ROUTES } from "./route-table"
import { guardLotCheckout } from "./store/carts/lot-checkout-guard"
import {
  guardAddedItems,
  guardCartRegion,
  guardCartTransfer,
  guardLineUpdate,
  guardNewCartItems,
  refuseLotLineRemoval,
} from "./store/carts/lot-line-guards"
import { toMiddlewareRoutes } from "./utils/live-routes"

export default defineMiddlewares({
  routes: [
    ...toMiddlewareRoutes(LIVE_ROUTES),
    // Guards on Medusa's own routes: every Store route that can make, change, drop, move or pay
    // for a won lot's cart line (docs/decisions.md). Medusa's Admin routes do not edit carts.
    { matcher: "/store/carts", methods: ["POST"], middlewares: [guardNewCartItems] },
    { matcher: "/store/carts/:id", methods: ["POST"], middlewares: [guardCartRegion] },
    { matcher: "/store/carts/:id/customer", methods: ["POST"], middlewares: [guardCartTransfer] },
    { matcher: "/store/carts/:id/line-items", methods: ["POST"], middlewares: [guardAddedItems] },
    { matcher: "/store/carts/:id/line-items/:line_id", methods: ["POST"], middlewares: [guardLineUpdate] },
    { matcher: "/store/carts/:id/line-items/:line_id", methods: ["DELETE"], middlewares: [refuseLotLineRemoval] },
    { matcher: "/store/carts/:id/complete", methods: ["POST"], middlewares: [guardLotCheckout] },
    { matcher: "/hooks/payment/:provider", methods: ["POST"], middlewares: [verifyStripeWebhook] },
    // LiveKit signs the body as sent: keep it raw for the signature check (as Medusa does for /hooks/payment).
    { matcher: "/hooks/livekit", methods: ["POST"], bodyParser: { preserveRawBody: true } },
  ],
})
