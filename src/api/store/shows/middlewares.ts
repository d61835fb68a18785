import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreGetShows } from "./validators"

export const storeShowRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/shows", method: ["GET"], middlewares: [validateAndTransformQuery(StoreGetShows, {})] },
]
