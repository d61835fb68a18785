import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ShowStatus } from "../../../realtime/contract/transport"

export type ShowTransition = "go_live" | "end" | "cancel"

type Rule = { from: ShowStatus[]; to: ShowStatus; set: string }

// Each transition is one conditional UPDATE: of two staff members pressing "go live" at once,
// one moves the show and the other is told it already moved.
const RULES: Record<ShowTransition, Rule> = {
  go_live: { from: ["scheduled"], to: "live", set: "started_at = now()" },
  end: { from: ["live"], to: "ended", set: "ended_at = now()" },
  cancel: { from: ["scheduled"], to: "cancelled", set: "ended_at = now()" },
}

export type ShowTransitionResult =
  | { ok: true; id: string; status: ShowStatus }
  | { ok: false; code: "not_found" | "invalid_transition"; message: string }

export async function transitionShow(knex: Knex, id: string, transition: ShowTransition): Promise<ShowTransitionResult> {
  const rule = RULES[transition]
  const { rows } = await knex.raw(
    `update live_show set status = ?, ${rule.set}, updated_at = now()
      where id = ? and status = any(?) and deleted_at is null
      returning id, status`,
    [rule.to, id, rule.from]
  )
  if (rows[0]) {
    return { ok: true, id, status: rows[0].status }
  }
  const current = await knex.raw("select status from live_show where id = ? and deleted_at is null", [id])
  const status: ShowStatus | undefined = current.rows[0]?.status
  if (!status) {
    return { ok: false, code: "not_found", message: `Show ${id} not found` }
  }
  return {
    ok: false,
    code: "invalid_transition",
    message: `A ${status} show cannot ${transition.replace("_", " ")} (it must be ${rule.from.join(" or ")}).`,
  }
}
