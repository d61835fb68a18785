import { chatActions } from "../../../../../../utils/chat"

/** Lifts a viewer's mutes in this show. */
export const DELETE = chatActions.unmute
