import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setBidderBlockStep, type SetBidderBlockStepInput } from "./steps/set-bidder-block"
import { createAuctionsStep, type CreateAuctionsStepInput } from "./steps/create-auctions"
import { transitionAuctionStep, type TransitionAuctionStepInput } from "./steps/transition-auction"
import { updateAuctionStep, type UpdateAuctionStepInput } from "./steps/update-auction"
import { validateLotCheckoutStep, type ValidateLotCheckoutStepInput } from "./steps/validate-lot-checkout"
import { validateLotShowsStep, type ValidateLotShowsStepInput } from "./steps/validate-lot-shows"
import { validateLotVariantsStep } from "./steps/validate-lot-variants"

export const createAuctionsWorkflowId = "live-create-auctions"
/** This workflow creates lots (draft, or scheduled when they have a `scheduled_at`). */
export const createAuctionsWorkflow = createWorkflow(createAuctionsWorkflowId, (input: CreateAuctionsStepInput) => {
  validateLotVariantsStep(input)
  validateLotCheckoutStep(input as ValidateLotCheckoutStepInput)
  validateLotShowsStep(input as ValidateLotShowsStepInput)
  return new WorkflowResponse(createAuctionsStep(input))
})

export const updateAuctionWorkflowId = "live-update-auction"
/** This workflow edits a lot before it starts. */
export const updateAuctionWorkflow = createWorkflow(updateAuctionWorkflowId, (input: UpdateAuctionStepInput) => {
  const lots = transform({ input }, ({ input }) => [input.update as { product_variant_id?: string | null }])
  validateLotVariantsStep(lots)
  const places = transform({ input }, ({ input }) => [input.update as ValidateLotCheckoutStepInput[number]])
  validateLotCheckoutStep(places)
  const shows = transform({ input }, ({ input }) => [input.update as ValidateLotShowsStepInput[number]])
  validateLotShowsStep(shows)
  return new WorkflowResponse(updateAuctionStep(input))
})

export const transitionAuctionWorkflowId = "live-transition-auction"
/** This workflow starts, cancels or re-runs a lot. */
export const transitionAuctionWorkflow = createWorkflow(
  transitionAuctionWorkflowId,
  (input: TransitionAuctionStepInput) => {
    return new WorkflowResponse(transitionAuctionStep(input))
  }
)

export const setBidderBlockWorkflowId = "live-set-bidder-block"
/** This workflow blocks a customer from bidding (or lifts the block). */
export const setBidderBlockWorkflow = createWorkflow(setBidderBlockWorkflowId, (input: SetBidderBlockStepInput) => {
  return new WorkflowResponse(setBidderBlockStep(input))
})
