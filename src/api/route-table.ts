import { adminAuctionRoutes } from "./admin/auctions/middlewares"
import { adminLiveRoutes } from "./admin/live/middlewares"
import { adminSellerRoutes } from "./admin/sellers/middlewares"
import { adminChatRoutes, adminShowChatRoutes } from "./admin/shows/chat-routes"
import { adminShowRoutes } from "./admin/shows/middlewares"
import { storeAuctionRoutes } from "./store/auctions/middlewares"
import { storeLiveRoutes } from "./store/live/middlewares"
import { storeChatRoutes } from "./store/shows/chat-routes"
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
  ...storeChatRoutes,
  ...storeLiveRoutes,
  ...adminAuctionRoutes,
  ...adminShowRoutes,
  ...adminShowChatRoutes,
  ...adminChatRoutes,
  ...adminSellerRoutes,
  ...adminLiveRoutes,
]
