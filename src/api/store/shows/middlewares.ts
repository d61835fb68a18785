import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { NoQuery } from "../../admin/shows/validators"
import { StoreGetShows } from "./validators"

export const storeShowRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/shows", method: ["GET"], middlewares: [validateAndTransformQuery(StoreGetShows, {})] },
  { matcher: "/store/shows/:id", method: ["GET"], middlewares: [validateAndTransformQuery(NoQuery, {})] },
]
