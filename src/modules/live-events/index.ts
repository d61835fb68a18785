import { Module } from "@medusajs/framework/utils"
import LiveEventsModuleService from "./service"

export const LIVE_EVENTS_MODULE = "live_events"

export default Module(LIVE_EVENTS_MODULE, {
  service: LiveEventsModuleService,
})

export { LiveEventsModuleService }
