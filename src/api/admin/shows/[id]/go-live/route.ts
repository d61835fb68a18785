import { transitionRoute } from "../../transition-route"

export const POST = transitionRoute("go_live")
