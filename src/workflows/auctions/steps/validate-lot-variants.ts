import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type ValidateLotVariantsStepInput = { product_variant_id?: string | null }[]

export const validateLotVariantsStepId = "live-validate-lot-variants"

/** This step checks that every catalog lot points at a product variant that exists. */
export const validateLotVariantsStep = createStep(
  validateLotVariantsStepId,
  async (lots: ValidateLotVariantsStepInput, { container }) => {
    const ids = [...new Set(lots.flatMap((l) => (l.product_variant_id ? [l.product_variant_id] : [])))]
    if (!ids.length) {
      return new StepResponse(void 0)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { id: ids } })
    const found = new Set(data.map((v: { id: string }) => v.id))
    const missing = ids.filter((id) => !found.has(id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product variant ${missing.join(", ")} not found`)
    }
    return new StepResponse(void 0)
  }
)
