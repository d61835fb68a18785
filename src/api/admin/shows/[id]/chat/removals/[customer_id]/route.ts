import { chatActions } from "../../../../../../utils/chat"

/** Lets a removed viewer back into this show's chat (they are told, privately: `chat:restored`). */
export const DELETE = chatActions.unremove
