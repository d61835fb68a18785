import { transitionRoute } from "../../transition-route"

export const POST = transitionRoute("end")
