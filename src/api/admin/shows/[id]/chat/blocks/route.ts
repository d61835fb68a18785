import { chatActions } from "../../../../../utils/chat"

/** Blocks a viewer from the chat of every show of this show's seller. */
export const POST = chatActions.block
