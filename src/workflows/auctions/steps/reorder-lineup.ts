import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type AuctionsModuleService from "../../../modules/auctions/service"
import { ShowErrorCodes } from "../../../realtime/contract/errors"

export type ReorderLineupStepInput = { show_id: string; auction_ids: string[] }

export const reorderLineupStepId = "live-reorder-lineup-step"

const UNFINISHED = new Set(["draft", "scheduled", "live"])

/**
 * This step puts a show's unfinished lots (draft, scheduled, live) in the order given, after its
 * finished ones. The ids must be exactly those lots, each once (400 `lineup_mismatch`).
 * Compensation restores the previous positions.
 */
export const reorderLineupStep = createStep(
  reorderLineupStepId,
  async ({ show_id, auction_ids }: ReorderLineupStepInput, { container }) => {
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    const lots = await auctions.listAuctions({ show_id }, { select: ["id", "status", "position"] })
    const unfinished = lots.filter((l) => UNFINISHED.has(l.status))
    const named = new Set(auction_ids)
    if (named.size !== auction_ids.length || named.size !== unfinished.length || unfinished.some((l) => !named.has(l.id))) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Name each of the show's ${unfinished.length} unfinished lots exactly once`,
        ShowErrorCodes.lineup_mismatch
      )
    }
    const base = Math.max(-1, ...lots.filter((l) => !UNFINISHED.has(l.status)).map((l) => l.position ?? -1)) + 1
    const previous = unfinished.map((l) => ({ id: l.id, position: l.position ?? null }))
    await auctions.updateAuctions(auction_ids.map((id, i) => ({ id, position: base + i })))
    return new StepResponse(void 0, previous)
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
    await auctions.updateAuctions(previous)
  }
)
