import { chatActions } from "../../../../../../../utils/chat"

/** Answers a question: viewers get it with its answer (`chat:question_answered`). */
export const POST = chatActions.answer
