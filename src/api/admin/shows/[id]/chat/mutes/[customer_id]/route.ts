import { chatActions } from "../../../../../../utils/chat"

/** Lifts a viewer's mutes in this show (they are told, privately: `chat:restored`). */
export const DELETE = chatActions.unmute
