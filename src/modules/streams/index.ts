import { Module } from "@medusajs/framework/utils"
import StreamsModuleService from "./service"

export const STREAMS_MODULE = "streams"

export default Module(STREAMS_MODULE, {
  service: StreamsModuleService,
})

export { StreamsModuleService }
