import jwt from "jsonwebtoken"
import type { SocketActor } from "./contract"

export class HandshakeError extends Error {
  readonly data = { code: "unauthorized" as const }
}

/**
 * Who a handshake token names: a Medusa customer or admin user token (HS256, Medusa's JWT
 * secret), or nobody when there is no token (anonymous viewers watch public rooms).
 * A token that does not verify is refused rather than downgraded, so clients learn it expired.
 */
export function actorFromToken(token: unknown, secret: string | undefined): SocketActor {
  if (token === undefined || token === null || token === "") {
    return null
  }
  if (typeof token !== "string" || token.length > 8192) {
    throw new HandshakeError("The token must be a string.")
  }
  if (!secret) {
    throw new HandshakeError("This server accepts anonymous connections only (no JWT_SECRET).")
  }
  let claims: jwt.JwtPayload | string
  try {
    claims = jwt.verify(token, secret, { algorithms: ["HS256"] })
  } catch (err) {
    throw new HandshakeError(`Invalid token: ${(err as Error).message}.`)
  }
  if (typeof claims !== "object") {
    throw new HandshakeError("Invalid token: no claims.")
  }
  const { actor_type, actor_id, live_role } = claims as { actor_type?: unknown; actor_id?: unknown; live_role?: unknown }
  if (actor_type === "user" && typeof actor_id === "string" && actor_id && live_role === "staff") {
    return { type: actor_type, id: actor_id, staff: true }
  }
  if ((actor_type === "customer" || actor_type === "user") && typeof actor_id === "string" && actor_id) {
    return { type: actor_type, id: actor_id }
  }
  // A registered identity without a customer yet (or another actor type): a viewer, nothing more.
  return null
}

/**
 * Private rooms: `user:<id>` for that customer only, `seller:<id>` for that admin user, and for
 * platform staff (a realtime token with `live_role: "staff"`).
 */
export function mayJoin(actor: SocketActor, kind: string, id: string): boolean {
  if (kind === "user") {
    return actor?.type === "customer" && actor.id === id
  }
  if (kind === "seller") {
    return actor?.type === "user" && (actor.id === id || actor.staff === true)
  }
  return true
}
