import { model } from "@medusajs/framework/utils"

/**
 * A seller's public profile. An admin user with one is a seller, confined to their own shows,
 * lots and offers; admin users without one are platform staff.
 */
export const Seller = model
  .define(
    { tableName: "live_seller", name: "Seller" },
    {
      id: model.id({ prefix: "sel" }).primaryKey(),
      /** The Medusa admin user who is this seller (one profile per user). */
      user_id: model.text(),
      /** The seller's address on the storefront (`/sellers/<handle>`): a lowercase slug, unique. */
      handle: model.text().searchable(),
      /** The name viewers see on shows and lots. */
      display_name: model.text().searchable(),
      avatar_url: model.text().nullable(),
      bio: model.text().nullable(),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    { on: ["user_id"], unique: true },
    { on: ["handle"], unique: true },
  ])
