import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUCTIONS_MODULE } from "../../../modules/auctions"
import type AuctionsModuleService from "../../../modules/auctions/service"
import { STREAMS_MODULE } from "../../../modules/streams"
import type StreamsModuleService from "../../../modules/streams/service"
import { ShowErrorCodes } from "../../../realtime/contract/errors"

export type PickNextLotStepInput = { show_id: string }

export const pickNextLotStepId = "live-pick-next-lot"

const refuse = (code: string, message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message, code)

/**
 * This step chooses the show's next lot: the first draft or scheduled one in running order. The
 * show must be live and none of its lots open. Run under the show's lock, so two presses of "next
 * lot" at once start one lot, and the second is told a lot is in progress.
 */
export const pickNextLotStep = createStep(pickNextLotStepId, async ({ show_id }: PickNextLotStepInput, { container }) => {
  const streams: StreamsModuleService = container.resolve(STREAMS_MODULE)
  const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
  const [show] = await streams.listShows({ id: show_id }, { select: ["id", "status"] })
  if (!show) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Show with id: ${show_id} was not found`, ShowErrorCodes.show_not_found)
  }
  if (show.status !== "live") {
    throw refuse(ShowErrorCodes.show_not_live, `Show ${show.id} is ${show.status}, not live`)
  }
  const lots = await auctions.listAuctions(
    { show_id, status: ["draft", "scheduled", "live"] },
    { select: ["id", "status"], order: { position: "ASC", created_at: "ASC" } }
  )
  const open = lots.find((l) => l.status === "live")
  if (open) {
    throw refuse(ShowErrorCodes.lot_in_progress, `Lot ${open.id} is still taking bids`)
  }
  if (!lots.length) {
    throw refuse(ShowErrorCodes.lineup_empty, `Show ${show.id} has no lot left to start`)
  }
  return new StepResponse({ id: lots[0].id })
})
