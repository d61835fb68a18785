import { chatActions } from "../../../../../../utils/chat"

/** Lifts the seller's block (the viewer is told, privately: `chat:restored`). */
export const DELETE = chatActions.unblock
