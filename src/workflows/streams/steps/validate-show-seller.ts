import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ShowErrorCodes } from "../../../realtime/contract/errors"

export type ValidateShowSellerStepInput = { seller_id?: string | null }[]

export const validateShowSellerStepId = "live-validate-show-seller"

/** This step checks that every seller named is an admin user (their console room is `seller:<id>`). */
export const validateShowSellerStep = createStep(
  validateShowSellerStepId,
  async (shows: ValidateShowSellerStepInput, { container }) => {
    const ids = [...new Set(shows.flatMap((s) => (s.seller_id ? [s.seller_id] : [])))]
    if (ids.length) {
      const users = await container.resolve(Modules.USER).listUsers({ id: ids }, { select: ["id"] })
      const missing = ids.filter((id) => !users.some((u) => u.id === id))
      if (missing.length) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Seller ${missing.join(", ")} is not an admin user`,
          ShowErrorCodes.seller_not_found
        )
      }
    }
    return new StepResponse(void 0)
  }
)
