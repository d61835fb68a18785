import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAuctionRoutesMiddlewares } from "./admin/auctions/middlewares"
import { storeAuctionRoutesMiddlewares } from "./store/auctions/middlewares"

export default defineMiddlewares({
  routes: [...storeAuctionRoutesMiddlewares, ...adminAuctionRoutesMiddlewares],
})
