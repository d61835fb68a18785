import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createShowsStep, type CreateShowsStepInput } from "./steps/create-shows"
import { transitionShowStep, type TransitionShowStepInput } from "./steps/transition-show"
import { updateShowStep, type UpdateShowStepInput } from "./steps/update-show"
import { validateShowSellerStep, type ValidateShowSellerStepInput } from "./steps/validate-show-seller"

export const createShowsWorkflowId = "live-create-shows"
/** This workflow schedules shows, each run by an admin user (the seller). */
export const createShowsWorkflow = createWorkflow(createShowsWorkflowId, (input: CreateShowsStepInput) => {
  validateShowSellerStep(input as ValidateShowSellerStepInput)
  return new WorkflowResponse(createShowsStep(input))
})

export const updateShowWorkflowId = "live-update-show"
/** This workflow edits a show before it ends. */
export const updateShowWorkflow = createWorkflow(updateShowWorkflowId, (input: UpdateShowStepInput) => {
  const sellers = transform({ input }, ({ input }) => [input.update as { seller_id?: string | null }])
  validateShowSellerStep(sellers)
  return new WorkflowResponse(updateShowStep(input))
})

export const transitionShowWorkflowId = "live-transition-show"
/** This workflow takes a show live, ends it or cancels it. */
export const transitionShowWorkflow = createWorkflow(transitionShowWorkflowId, (input: TransitionShowStepInput) => {
  return new WorkflowResponse(transitionShowStep(input))
})
