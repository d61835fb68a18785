import { MedusaError } from "@medusajs/framework/utils"

/** What an off-session charge attempt came to (`charge_status` on the cart's offers). */
export type ChargeStatus = "succeeded" | "action_required" | "declined" | "failed" | "no_saved_method"

/** A charge that ended without an order, for a reason the buyer is told about (or, for a missing card, not). */
export type ChargeRefusal = { status: Exclude<ChargeStatus, "succeeded">; error: string | null }

/** Thrown once a refusal is recorded: the workflow's compensation then undoes what the attempt changed. */
export const CHARGE_REFUSED = "charge_refused"

export function chargeRefused(refusal: ChargeRefusal): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_ALLOWED, `Off-session charge ${refusal.status}: ${refusal.error ?? ""}`.trim(), CHARGE_REFUSED)
}

/** Stripe's answer to the off-session confirmation, as stored on the payment session; null when authorized. */
export function sessionRefusal(session: { status?: string; data?: Record<string, any> | null }): ChargeRefusal | null {
  const error = session.data?.last_payment_error
  if (session.status === "authorized" || session.status === "captured") {
    return null
  }
  if (error?.code === "authentication_required" || session.status === "requires_more") {
    return { status: "action_required", error: error?.message ?? "The bank asks the buyer to confirm this payment." }
  }
  return { status: "declined", error: error?.message ?? `The payment session is ${session.status}.` }
}
