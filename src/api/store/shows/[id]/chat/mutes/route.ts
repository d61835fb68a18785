import { chatActions } from "../../../../../utils/chat"

/** Mutes a viewer in this show for `duration_seconds` (they are told, privately: `chat:muted`). */
export const POST = chatActions.mute
