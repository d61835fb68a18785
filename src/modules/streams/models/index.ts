export { Seller } from "./seller"
export { Show } from "./show"
export { VideoWebhook } from "./video-webhook"
