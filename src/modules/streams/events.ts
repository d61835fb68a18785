/** Declared once, in the realtime contract; re-exported for the module's code. */
export { LiveShowEvents, type LiveShowEventName } from "../../realtime/contract/live-events"
