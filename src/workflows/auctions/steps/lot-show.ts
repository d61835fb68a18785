import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type AuctionsModuleService from "../../../modules/auctions/service"

export type LotShowStepInput = {
  id: string
  /** The show the lot is moving to, when an edit names one (null: leaving its show). */
  show_id?: string | null
}

export const lotShowStepId = "live-lot-show"

/**
 * This step tells which show a lot will be in after the action (its current one unless an edit
 * names another), and the lock key that serialises it with that show going off air.
 */
export const lotShowStep = createStep(lotShowStepId, async (input: LotShowStepInput, { container }) => {
  let showId = input.show_id
  if (showId === undefined) {
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    const [lot] = await auctions.listAuctions({ id: input.id }, { select: ["id", "show_id"] })
    showId = lot?.show_id ?? null
  }
  return new StepResponse({ show_id: showId ?? null, lock_key: showId ? showLockKey(showId) : `live-lot:${input.id}` })
})

/** Held while a show ends or is cancelled, and while one of its lots starts, is re-run or edited. */
export const showLockKey = (showId: string) => `live-show:${showId}`
