import {
  authenticate,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareFunction,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { requireStaff, resolveActor } from "./live-actor"
import { requireOwner, type OwnedRecord } from "./owned-records"
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
  /** An admin user without a seller profile: platform staff. */
  | "staff"
  /** Seller A: an admin user with a seller profile, whose shows and lots the sample request names. */
  | "seller"
  /** Seller B: another seller, who must not reach A's records. */
  | "other_seller"
  /** Tokens that must not pass: signed with another secret, expired, unsigned (`alg: none`). */
  | "forged"

/**
 * The status a well-formed request answers, per caller. Declared beside each route and checked
 * cell by cell by the authorization matrix (`integration-tests/http/route-table/`); Store routes
 * also declare the answer without a publishable key.
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
  /**
   * Which admin users may call an Admin route (required on `/admin/*`):
   * - `staff`: platform staff only; a seller gets a 403 `staff_only`;
   * - `admins`: staff and sellers; the handler confines a seller to their own records
   *   (lists filtered by `seller_id`, new records made theirs);
   * - `{ owner }`: the record `:id` names must be the calling seller's, else a 404 as if it
   *   did not exist; staff reach every record.
   */
  scope?: AdminScope
  access: Access
  /** Route-specific middleware, run after validation. */
  middlewares?: MiddlewareFunction[]
}

export type AdminScope = "staff" | "admins" | { owner: OwnedRecord }

/**
 * The Medusa middleware entries of a list of routes: authentication, then params, the caller's
 * scope (staff only), query, body, and last the ownership of the record named (so malformed
 * input is a 400 whoever sends it).
 */
export function toMiddlewareRoutes(routes: LiveRoute[]): MiddlewareRoute[] {
  return routes.map((route) => ({
    matcher: route.path,
    methods: [route.method],
    middlewares: [
      ...(route.auth
        ? [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: route.auth === "customer_optional" })]
        : []),
      ...(route.params ? [validateParams(route.params)] : []),
      ...(route.scope ? [route.scope === "staff" ? requireStaff : resolveActor] : []),
      ...(route.query ? [refuseDeepQueryKeys] : []),
      ...(route.fields ? [refuseUnknownFields(route.fields)] : []),
      ...(route.query ? [validateAndTransformQuery(route.query, route.fields ?? {})] : []),
      ...(route.body ? [validateAndTransformBody(route.body)] : []),
      ...(typeof route.scope === "object" ? [requireOwner(route.scope.owner)] : []),
      ...(route.middlewares ?? []),
    ],
  }))
}

const NO_CUSTOMERS = { anonymous: 401, customer: 401, other_customer: 401, forged: 401 }

/** Platform staff only (scope `staff`): sellers are refused with a 403. */
export const STAFF_ONLY: Access = { ...NO_CUSTOMERS, staff: 200, seller: 403, other_seller: 403 }

/** Every admin user (scope `admins`): each seller gets their own (a list of theirs, a record made theirs). */
export const ADMINS: Access = { ...NO_CUSTOMERS, staff: 200, seller: 200, other_seller: 200 }

/** One record (scope `{ owner }`): staff and its seller; another seller gets the 404 of a record that is not there. */
export const OWNER_OR_STAFF: Access = { ...NO_CUSTOMERS, staff: 200, seller: 200, other_seller: 404 }

/** Admin scopes with the access each implies, for a route table check. */
export const SCOPE_ACCESS = { staff: STAFF_ONLY, admins: ADMINS, owner: OWNER_OR_STAFF }

/** Public Store data: anyone with the publishable key; a token, good or bad, grants nothing more. */
export const STORE_PUBLIC: Access = {
  anonymous: 200,
  customer: 200,
  other_customer: 200,
  staff: 200,
  seller: 200,
  other_seller: 200,
  forged: 200,
  no_publishable_key: 400,
}

/** The logged-in customer's own: every customer gets theirs (and only theirs), nobody else gets in. */
export const STORE_CUSTOMER: Access = {
  anonymous: 401,
  customer: 200,
  other_customer: 200,
  staff: 401,
  seller: 401,
  other_seller: 401,
  forged: 401,
  no_publishable_key: 400,
}

/** `POST <path>/<action>` for each action on one resource (`/admin/auctions/:id/start`…): no body, no query. */
export function actionRoutes(
  path: string,
  actions: readonly string[],
  params: z.ZodType,
  scope: AdminScope,
  access: Access
): LiveRoute[] {
  return actions.map((action) => ({ method: "POST", path: `${path}/${action}`, params, query: NoQuery, body: EmptyBody, scope, access }))
}
