import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type ValidateLotCheckoutStepInput = {
  region_id?: string | null
  sales_channel_id?: string | null
  currency_code?: string
}[]

export const validateLotCheckoutStepId = "live-validate-lot-checkout"

/**
 * This step checks where a lot's winner will check out: the region exists and sells in the lot's
 * currency, and the sales channel exists. Caught now, not when the lot sells.
 */
export const validateLotCheckoutStep = createStep(
  validateLotCheckoutStepId,
  async (lots: ValidateLotCheckoutStepInput, { container }) => {
    const regionIds = [...new Set(lots.flatMap((l) => (l.region_id ? [l.region_id] : [])))]
    const channelIds = [...new Set(lots.flatMap((l) => (l.sales_channel_id ? [l.sales_channel_id] : [])))]
    if (regionIds.length) {
      const regions = await container.resolve(Modules.REGION).listRegions({ id: regionIds })
      for (const lot of lots.filter((l) => l.region_id)) {
        const region = regions.find((r) => r.id === lot.region_id)
        if (!region) {
          throw new MedusaError(MedusaError.Types.NOT_FOUND, `Region ${lot.region_id} not found`)
        }
        if (lot.currency_code && region.currency_code !== lot.currency_code) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `Region ${region.id} sells in ${region.currency_code.toUpperCase()}, the lot in ${lot.currency_code.toUpperCase()}`
          )
        }
      }
    }
    if (channelIds.length) {
      const channels = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ id: channelIds })
      const missing = channelIds.filter((id) => !channels.some((c) => c.id === id))
      if (missing.length) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sales channel ${missing.join(", ")} not found`)
      }
    }
    return new StepResponse(void 0)
  }
)
