import {
  authenticate,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareFunction,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { refuseDeepQueryKeys, refuseUnknownFields, type FieldsConfig } from "./query-fields"
import { validateParams } from "./validate-params"
import { EmptyBody, NoQuery } from "./validators"

/** The callers the authorization matrix plays against every route. */
export type Caller =
  /** No token (a Store request still carries the publishable key). */
  | "anonymous"
  /** Customer A, whose resources the sample request names. */
  | "customer"
  /** Customer B: logged in, but not the customer the request is about. */
  | "other_customer"
  /** An admin user. */
  | "staff"
  /** Tokens that must not pass: signed with another secret, expired, unsigned (`alg: none`). */
  | "forged"

/**
 * The status a well-formed request answers, per caller. Declared beside each route and checked
 * cell by cell by `integration-tests/http/authorization-matrix.spec.ts`; Store routes also declare
 * the answer without a publishable key.
 */
export type Access = Record<Caller, number> & { no_publishable_key?: number }

/** One route of the plugin: how it is validated and authenticated, and who may call it. */
export type LiveRoute = {
  method: "GET" | "POST" | "DELETE"
  /** As Medusa's file routes name it: `/admin/auctions/:id/start`. */
  path: string
  params?: z.ZodType
  query?: z.ZodType
  /** For list and get routes: the fields `?fields=` may name and the defaults (the route's query-config.ts). */
  fields?: FieldsConfig
  body?: z.ZodType
  /**
   * Authentication beyond Medusa's own (`/admin/*` needs an admin user and `/store/customers/me*`
   * a customer already): `customer` requires one, `customer_optional` reads one if present.
   */
  auth?: "customer" | "customer_optional"
  access: Access
  /** Route-specific middleware, run after validation. */
  middlewares?: MiddlewareFunction[]
}

/** The Medusa middleware entries of a list of routes: authentication, then params, query, body. */
export function toMiddlewareRoutes(routes: LiveRoute[]): MiddlewareRoute[] {
  return routes.map((route) => ({
    matcher: route.path,
    methods: [route.method],
    middlewares: [
      ...(route.auth
        ? [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: route.auth === "customer_optional" })]
        : []),
      ...(route.params ? [validateParams(route.params)] : []),
      ...(route.query ? [refuseDeepQueryKeys] : []),
      ...(route.fields ? [refuseUnknownFields(route.fields)] : []),
      ...(route.query ? [validateAndTransformQuery(route.query, route.fields ?? {})] : []),
      ...(route.body ? [validateAndTransformBody(route.body)] : []),
      ...(route.middlewares ?? []),
    ],
  }))
}

/** Staff only: every admin route without a narrower rule. */
export const STAFF_ONLY: Access = { anonymous: 401, customer: 401, other_customer: 401, staff: 200, forged: 401 }

/** Public Store data: anyone with the publishable key; a token, good or bad, grants nothing more. */
export const STORE_PUBLIC: Access = {
  anonymous: 200,
  customer: 200,
  other_customer: 200,
  staff: 200,
  forged: 200,
  no_publishable_key: 400,
}

/** The logged-in customer's own: every customer gets theirs (and only theirs), nobody else gets in. */
export const STORE_CUSTOMER: Access = {
  anonymous: 401,
  customer: 200,
  other_customer: 200,
  staff: 401,
  forged: 401,
  no_publishable_key: 400,
}

/** `POST <path>/<action>` for each action on one resource (`/admin/auctions/:id/start`…): no body, no query. */
export function actionRoutes(path: string, actions: readonly string[], params: z.ZodType, access: Access): LiveRoute[] {
  return actions.map((action) => ({ method: "POST", path: `${path}/${action}`, params, query: NoQuery, body: EmptyBody, access }))
}
