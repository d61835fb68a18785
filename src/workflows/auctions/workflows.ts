import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { clearLapsedLinesStep } from "../settlement/steps/clear-lapsed-lines"
import { armLotCloseStep } from "./steps/arm-lot-close"
import { relayLotEventsStep } from "./steps/relay-lot-events"
import { validateShowSellerStep, type ValidateShowSellerStepInput } from "../streams/steps/validate-show-seller"
import { lotShowStep, showLockKey } from "./steps/lot-show"
import { pickNextLotStep, type PickNextLotStepInput } from "./steps/pick-next-lot"
import { placeInLineupStep } from "./steps/place-in-lineup"
import { reorderLineupStep, type ReorderLineupStepInput } from "./steps/reorder-lineup"
import { setBidderBlockStep, type SetBidderBlockStepInput } from "./steps/set-bidder-block"
import { createAuctionsStep, type CreateAuctionsStepInput } from "./steps/create-auctions"
import { transitionAuctionStep, type TransitionAuctionStepInput } from "./steps/transition-auction"
import { updateAuctionStep, type UpdateAuctionStepInput } from "./steps/update-auction"
import { validateCustomersStep } from "./steps/validate-customers"
import { validateLotCheckoutStep, type ValidateLotCheckoutStepInput } from "./steps/validate-lot-checkout"
import { validateLotPricesStep, type ValidateLotPricesStepInput } from "./steps/validate-lot-prices"
import { validateLotShowsStep, type ValidateLotShowsStepInput } from "./steps/validate-lot-shows"
import { validateLotVariantsStep } from "./steps/validate-lot-variants"

export const createAuctionsWorkflowId = "live-create-auctions"
/**
 * This workflow creates lots (draft, or scheduled when they have a `scheduled_at`); lots in a show
 * go to the end of its lineup.
 */
export const createAuctionsWorkflow = createWorkflow(createAuctionsWorkflowId, (input: CreateAuctionsStepInput) => {
  validateLotVariantsStep(input)
  validateLotPricesStep(input as ValidateLotPricesStepInput)
  validateCustomersStep(transform({ input }, ({ input }) => ({ customer_ids: input.map((l) => l.seller_customer_id as string) })))
  validateShowSellerStep(input as ValidateShowSellerStepInput)
  validateLotCheckoutStep(input as ValidateLotCheckoutStepInput)
  validateLotShowsStep(input as ValidateLotShowsStepInput)
  return new WorkflowResponse(createAuctionsStep(placeInLineupStep(input)))
})

export const reorderLineupWorkflowId = "live-reorder-lineup"
/** This workflow puts a show's unfinished lots in a new running order, locked with the show's lots starting. */
export const reorderLineupWorkflow = createWorkflow(reorderLineupWorkflowId, (input: ReorderLineupStepInput) => {
  const lockKey = transform({ input }, ({ input }) => showLockKey(input.show_id))
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })
  reorderLineupStep(input)
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(void 0)
})

export const updateAuctionWorkflowId = "live-update-auction"
/** This workflow edits a lot before it starts. */
export const updateAuctionWorkflow = createWorkflow(updateAuctionWorkflowId, (input: UpdateAuctionStepInput) => {
  const lots = transform({ input }, ({ input }) => [input.update as { product_variant_id?: string | null }])
  validateLotVariantsStep(lots)
  const prices = transform({ input }, ({ input }) => [{ auction_id: input.id, ...input.update } as ValidateLotPricesStepInput[number]])
  validateLotPricesStep(prices)
  validateCustomersStep(transform({ input }, ({ input }) => ({ customer_ids: [input.update.seller_customer_id as string] })))
  const places = transform({ input }, ({ input }) => [input.update as ValidateLotCheckoutStepInput[number]])
  validateLotCheckoutStep(places)
  // Locked with the lot's show (the one it moves to, if the edit names one): a show going off
  // air cannot miss a lot being scheduled in it at the same moment.
  const target = transform({ input }, ({ input }) => ({
    id: input.id,
    show_id: "show_id" in input.update ? (input.update.show_id as string | null) : undefined,
  }))
  const show = lotShowStep(target)
  acquireLockStep({ key: show.lock_key, timeout: 10, ttl: 30 })
  when("live-lot-edit-places-in-show", { input }, ({ input }) => "show_id" in input.update || !!input.update.scheduled_at).then(
    () => {
      validateLotShowsStep(transform({ show }, ({ show }) => [{ show_id: show.show_id }]))
    }
  )
  const updated = updateAuctionStep(input)
  releaseLockStep({ key: show.lock_key })
  return new WorkflowResponse(updated)
})

export const transitionAuctionWorkflowId = "live-transition-auction"
/**
 * This workflow starts, cancels or re-runs a lot, then arms a started lot's close, takes a re-run
 * lot's line out of the unpaid winner's cart, and relays the lot's events.
 */
export const transitionAuctionWorkflow = createWorkflow(
  transitionAuctionWorkflowId,
  (input: TransitionAuctionStepInput) => {
    const show = lotShowStep({ id: input.id })
    acquireLockStep({ key: show.lock_key, timeout: 10, ttl: 30 })
    // Cancelling is always allowed; starting or re-running needs a show that is not over.
    when("live-lot-runs-in-show", { input }, ({ input }) => input.transition !== "cancel").then(() => {
      validateLotShowsStep(transform({ show }, ({ show }) => [{ show_id: show.show_id }]))
    })
    const lot = transitionAuctionStep(input)
    releaseLockStep({ key: show.lock_key })
    when("live-lot-started", { input }, ({ input }) => input.transition === "start").then(() => {
      armLotCloseStep({ id: input.id })
    })
    when("live-lot-rerun", { input }, ({ input }) => input.transition === "rerun").then(() => {
      // A sold-but-unpaid lot: its cancelled offer's line leaves the buyer's cart.
      clearLapsedLinesStep()
    })
    relayLotEventsStep()
    return new WorkflowResponse(lot)
  }
)

export const startNextLotWorkflowId = "live-start-next-lot"
/**
 * This workflow starts a live show's next lot in running order ("next lot" in the seller's
 * console), under the show's lock: presses at once start one lot, and a lot's own start or the
 * show's end cannot slip in between the choice and the start.
 */
export const startNextLotWorkflow = createWorkflow(startNextLotWorkflowId, (input: PickNextLotStepInput) => {
  const lockKey = transform({ input }, ({ input }) => showLockKey(input.show_id))
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })
  const next = pickNextLotStep(input)
  const lot = transitionAuctionStep(transform({ next }, ({ next }) => ({ id: next.id, transition: "start" as const })))
  releaseLockStep({ key: lockKey })
  armLotCloseStep(transform({ next }, ({ next }) => ({ id: next.id })))
  relayLotEventsStep()
  return new WorkflowResponse(lot)
})

export const setBidderBlockWorkflowId = "live-set-bidder-block"
/** This workflow blocks a customer from bidding (or lifts the block). */
export const setBidderBlockWorkflow = createWorkflow(setBidderBlockWorkflowId, (input: SetBidderBlockStepInput) => {
  validateCustomersStep(transform({ input }, ({ input }) => ({ customer_ids: input.blocked ? [input.customer_id] : [] })))
  return new WorkflowResponse(setBidderBlockStep(input))
})
