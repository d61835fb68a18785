import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { liveActor, type LiveActor } from "./live-actor"

/** Records a seller owns: lots and shows by their `seller_id`, a profile by its `user_id`. */
const OWNED = {
  auction: { owner: "seller_id", label: "Auction" },
  show: { owner: "seller_id", label: "Show" },
  seller: { owner: "user_id", label: "Seller" },
} as const

export type OwnedRecord = keyof typeof OWNED

/**
 * Refuses, with the 404 a missing record gets, a seller reaching a record that is not theirs:
 * another seller's show is not revealed to exist. Staff reach every record.
 */
export async function assertOwns(scope: MedusaContainer, actor: LiveActor, record: OwnedRecord, id: string) {
  if (!actor.seller) {
    return
  }
  const { owner, label } = OWNED[record]
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: record, fields: ["id", owner], filters: { id } })
  const row = data[0] as Record<string, unknown> | undefined
  if (!row || row[owner] !== actor.user_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `${label} ${id} not found`)
  }
}

/** Middleware: the record named by `:param` must be the calling seller's (staff pass). */
export function requireOwner(record: OwnedRecord, param = "id") {
  return async function requireOwner(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    try {
      await assertOwns(req.scope, await liveActor(req), record, req.params[param])
      next()
    } catch (err) {
      next(err)
    }
  }
}
