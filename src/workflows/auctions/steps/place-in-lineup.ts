import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type AuctionsModuleService from "../../../modules/auctions/service"

export type PlaceInLineupStepInput = Record<string, unknown>[]

export const placeInLineupStepId = "live-place-in-lineup-step"

/**
 * This step gives lots made in a show the next places at the end of its lineup (`position`),
 * in the order given; lots outside a show, or with a position already, pass unchanged.
 */
export const placeInLineupStep = createStep(placeInLineupStepId, async (lots: PlaceInLineupStepInput, { container }) => {
  const showIds = [...new Set(lots.flatMap((l) => (l.show_id && l.position == null ? [l.show_id as string] : [])))]
  if (!showIds.length) {
    return new StepResponse(lots)
  }
  const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
  const existing = await auctions.listAuctions({ show_id: showIds }, { select: ["show_id", "position"] })
  const next = new Map(showIds.map((id) => [id, 0]))
  for (const lot of existing) {
    if (lot.show_id && lot.position != null) {
      next.set(lot.show_id, Math.max(next.get(lot.show_id)!, lot.position + 1))
    }
  }
  const placed = lots.map((lot) => {
    if (!lot.show_id || lot.position != null) {
      return lot
    }
    const position = next.get(lot.show_id as string)!
    next.set(lot.show_id as string, position + 1)
    return { ...lot, position }
  })
  return new StepResponse(placed)
})
