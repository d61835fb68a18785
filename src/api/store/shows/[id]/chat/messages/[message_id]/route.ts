import { chatActions } from "../../../../../../utils/chat"

/** Deletes a message: gone from history and, live, for every viewer (`chat:deleted`). */
export const DELETE = chatActions.deleteMessage
