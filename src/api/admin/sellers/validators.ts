import { z } from "@medusajs/framework/zod"
import { EntityId, Fields, Metadata, pagination, Text, Title, WebUrl } from "../../utils/validators"

/** A seller's handle: a lowercase slug (`demo-seller`), unique among sellers. */
export const SellerHandle = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase letters and digits, words joined by single hyphens")

const SellerProfileSettings = z.object({
  handle: SellerHandle,
  display_name: Title(120),
  avatar_url: WebUrl.nullish(),
  bio: Text(2000).nullish(),
  metadata: Metadata.nullish(),
})

/** `POST /admin/sellers` (staff): makes the admin user `user_id` a seller. */
export const AdminCreateSeller = SellerProfileSettings.extend({ user_id: EntityId }).strict()
export type AdminCreateSellerType = z.infer<typeof AdminCreateSeller>

/** `POST /admin/sellers/:id`: edits a profile (the user it belongs to never changes). */
export const AdminUpdateSeller = SellerProfileSettings.partial()
  .strict()
  .refine((u) => Object.keys(u).length > 0, { message: "nothing to update" })
export type AdminUpdateSellerType = z.infer<typeof AdminUpdateSeller>

/** `GET /admin/sellers`: `?q=` searches display names and handles, plus pagination. */
export const AdminGetSellers = z.object({ q: Text(200).optional(), ...pagination(50, 200), ...Fields }).strict()
export type AdminGetSellersType = z.infer<typeof AdminGetSellers>
