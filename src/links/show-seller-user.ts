import { defineLink } from "@medusajs/framework/utils"
import UserModule from "@medusajs/medusa/user"
import StreamsModule from "../modules/streams"

/** The admin user who runs the show, as `show.seller` in Query (read-only: the show stores the id). */
export default defineLink(
  { linkable: StreamsModule.linkable.show, field: "seller_id" },
  { linkable: UserModule.linkable.user, alias: "seller" },
  { readOnly: true }
)
