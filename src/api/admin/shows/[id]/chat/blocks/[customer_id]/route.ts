import { chatActions } from "../../../../../../utils/chat"

/** Lifts the seller's block. */
export const DELETE = chatActions.unblock
