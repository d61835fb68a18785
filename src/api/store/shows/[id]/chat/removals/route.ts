import { chatActions } from "../../../../../utils/chat"

/** Removes a viewer from this show's chat for the rest of the show. */
export const POST = chatActions.remove
