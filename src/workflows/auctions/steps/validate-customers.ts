import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AuctionErrorCodes } from "../../../realtime/contract/errors"

export type ValidateCustomersStepInput = { customer_ids: (string | null | undefined)[] }

export const validateCustomersStepId = "live-validate-customers"

/** This step checks that every customer a request names (a lot's seller account, a blocked bidder) exists. */
export const validateCustomersStep = createStep(
  validateCustomersStepId,
  async ({ customer_ids }: ValidateCustomersStepInput, { container }) => {
    const ids = [...new Set(customer_ids.filter((id): id is string => !!id))]
    if (!ids.length) {
      return new StepResponse(void 0)
    }
    const found = await container.resolve(Modules.CUSTOMER).listCustomers({ id: ids }, { select: ["id"] })
    const missing = ids.filter((id) => !found.some((c) => c.id === id))
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Customer ${missing.join(", ")} not found`,
        AuctionErrorCodes.customer_not_found
      )
    }
    return new StepResponse(void 0)
  }
)
