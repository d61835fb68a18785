import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { SellerProfile } from "../../realtime/contract/admin-api"
import { SellerErrorCodes } from "../../realtime/contract/errors"

/** The admin user calling an Admin route: a seller (with their profile) or platform staff. */
export type LiveActor = { user_id: string; seller: SellerProfile | null }

export const SELLER_FIELDS = ["id", "user_id", "handle", "display_name", "avatar_url", "bio", "metadata", "created_at", "updated_at"]

type AdminRequest = MedusaRequest & { auth_context?: { actor_id?: string; actor_type?: string } }

// One lookup per request, however many middlewares and handlers ask.
const actors = new WeakMap<object, Promise<LiveActor>>()

/** Who is calling (read once per request): the admin user and their seller profile, if any. */
export function liveActor(req: MedusaRequest): Promise<LiveActor> {
  let actor = actors.get(req)
  if (!actor) {
    actor = readActor(req as AdminRequest)
    actors.set(req, actor)
  }
  return actor
}

async function readActor(req: AdminRequest): Promise<LiveActor> {
  const userId = req.auth_context?.actor_type === "user" ? req.auth_context.actor_id : undefined
  if (!userId) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  }
  const { data } = await req.scope
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "seller", fields: SELLER_FIELDS, filters: { user_id: userId } })
  return { user_id: userId, seller: (data[0] as SellerProfile | undefined) ?? null }
}

/** The records a list shows this actor: a seller's own; staff everyone's, or one seller's if asked. */
export function sellerFilter(actor: LiveActor, requested?: string): { seller_id?: string } {
  if (actor.seller) {
    return { seller_id: actor.user_id }
  }
  return requested ? { seller_id: requested } : {}
}

/**
 * The seller a record made by this actor belongs to: a seller's own records are theirs (naming
 * another seller is a 400); staff name any admin user, or none.
 */
export function sellerOfNewRecord(actor: LiveActor, named?: string | null): string | null {
  if (actor.seller) {
    if (named && named !== actor.user_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "A seller's records are their own", SellerErrorCodes.other_seller)
    }
    return actor.user_id
  }
  return named ?? null
}

/** Middleware: platform staff only; a seller gets a 403. */
export async function requireStaff(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    if ((await liveActor(req)).seller) {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, "Platform staff only", SellerErrorCodes.staff_only)
    }
    next()
  } catch (err) {
    next(err)
  }
}

/** Middleware: resolves the caller once, so handlers read it from the cache. */
export async function resolveActor(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    await liveActor(req)
    next()
  } catch (err) {
    next(err)
  }
}
