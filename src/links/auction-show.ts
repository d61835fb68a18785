import { defineLink } from "@medusajs/framework/utils"
import AuctionsModule from "../modules/auctions"
import StreamsModule from "../modules/streams"

/** The show a lot runs in (read-only: the lot stores the id), so Query reads `auction.show.*`. */
export default defineLink({ linkable: AuctionsModule.linkable.auction, field: "show_id" }, StreamsModule.linkable.show, {
  readOnly: true,
})
