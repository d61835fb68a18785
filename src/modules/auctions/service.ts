import { MedusaService } from "@medusajs/framework/utils"
import { LiveCommerceOptions, parseLiveCommerceOptions } from "../../lib/options"
import { Auction, Bid } from "./models"

export default class AuctionsModuleService extends MedusaService({ Auction, Bid }) {
  protected readonly options_: LiveCommerceOptions

  constructor(container: Record<string, unknown>, options: unknown) {
    super(...arguments)
    this.options_ = parseLiveCommerceOptions(options)
  }

  /** The validated plugin options (never the raw ones: Medusa adds the database URL there). */
  async getOptions(): Promise<LiveCommerceOptions> {
    return this.options_
  }
}
