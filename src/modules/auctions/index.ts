import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import AuctionsModuleService from "./service"

export const AUCTIONS_MODULE = "auctions"

export default Module(AUCTIONS_MODULE, {
  service: AuctionsModuleService,
  loaders: [validateOptionsLoader],
})

export { AuctionsModuleService }
