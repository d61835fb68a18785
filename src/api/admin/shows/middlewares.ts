import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminEmptyBody } from "../auctions/validators"
import { AdminCreateShow, AdminGetShows, AdminUpdateShow, NoQuery } from "./validators"

export const adminShowRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/shows", method: ["GET"], middlewares: [validateAndTransformQuery(AdminGetShows, {})] },
  { matcher: "/admin/shows", method: ["POST"], middlewares: [validateAndTransformBody(AdminCreateShow)] },
  { matcher: "/admin/shows/:id", method: ["GET"], middlewares: [validateAndTransformQuery(NoQuery, {})] },
  { matcher: "/admin/shows/:id", method: ["POST"], middlewares: [validateAndTransformBody(AdminUpdateShow)] },
  {
    matcher: "/admin/shows/:id/(go-live|end|cancel)",
    method: ["POST"],
    middlewares: [validateAndTransformBody(AdminEmptyBody)],
  },
]
