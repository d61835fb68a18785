import { chatActions } from "../../../../../../utils/chat"

/** Lifts one of the show's blocked words. */
export const DELETE = chatActions.removeWord
