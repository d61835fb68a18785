import { adminAuctionRoutes } from "./admin/auctions/middlewares"
import { adminLiveRoutes } from "./admin/live/middlewares"
import { adminSellerRoutes } from "./admin/sellers/middlewares"
import { adminShowRoutes } from "./admin/shows/middlewares"
import { storeAuctionRoutes } from "./store/auctions/middlewares"
import { storeLiveRoutes } from "./store/live/middlewares"
import { storeShowRoutes } from "./store/shows/middlewares"
import type { LiveRoute } from "./utils/live-routes"

/**
 * Every Store and Admin route of the plugin, with its validators and who may call it. The
 * middlewares come from it, and so do the generated fuzz and authorization-matrix suites: a route
 * file without an entry here fails them.
 */
export const LIVE_ROUTES: LiveRoute[] = [
  ...storeAuctionRoutes,
  ...storeShowRoutes,
  ...storeLiveRoutes,
  ...adminAuctionRoutes,
  ...adminShowRoutes,
  ...adminSellerRoutes,
  ...adminLiveRoutes,
]
