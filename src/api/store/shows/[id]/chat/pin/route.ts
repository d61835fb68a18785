import { chatActions } from "../../../../../utils/chat"

/** Pins a message for every viewer, now and joining later (`chat:pinned`). */
export const POST = chatActions.pin

/** Unpins it. */
export const DELETE = chatActions.unpin
