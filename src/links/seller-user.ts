import { defineLink } from "@medusajs/framework/utils"
import UserModule from "@medusajs/medusa/user"
import StreamsModule from "../modules/streams"

/** The admin user a seller profile belongs to, as `seller.user` in Query (read-only: the profile stores the id). */
export default defineLink(
  { linkable: StreamsModule.linkable.seller, field: "user_id" },
  { linkable: UserModule.linkable.user, alias: "user" },
  { readOnly: true }
)
