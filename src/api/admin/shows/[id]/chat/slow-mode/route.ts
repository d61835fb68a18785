import { chatActions } from "../../../../../utils/chat"

/** Sets slow mode: one message per `seconds` per viewer (0: off); viewers are told (`chat:slow_mode`). */
export const POST = chatActions.slowMode
