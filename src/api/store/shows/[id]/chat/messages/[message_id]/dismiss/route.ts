import { chatActions } from "../../../../../../../utils/chat"

/** Dismisses a question: it leaves the questions lane. */
export const POST = chatActions.dismiss
