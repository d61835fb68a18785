export { Seller } from "./seller"
export { Show } from "./show"
