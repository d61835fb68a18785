import { chatActions } from "../../../../../../utils/chat"

/** Takes a moderator off the show. */
export const DELETE = chatActions.removeModerator
