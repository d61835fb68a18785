export { Show } from "./show"
