import type { FieldsConfig } from "../../utils/query-fields"
import { relationFields } from "../../utils/query-graph"

const ADMIN_SHOW_COLUMNS = [
  "id",
  "title",
  "description",
  "seller_id",
  "status",
  "scheduled_at",
  "started_at",
  "ended_at",
  "playback_url",
  "thumbnail",
  "preview_url",
  // Video (LiveKit); the ingress stream key is a secret and only `GET /admin/shows/:id/ingress` has it.
  "room_name",
  "publisher_status",
  "publisher_changed_at",
  "recording_status",
  "recording_url",
  "metadata",
  "created_at",
  "updated_at",
]

/** A show for staff, and its seller (an admin user) with `?fields=*seller` or `seller.email`. */
export const adminShowFields: FieldsConfig = {
  defaults: ADMIN_SHOW_COLUMNS,
  allowed: [...ADMIN_SHOW_COLUMNS, ...relationFields("seller", ["id", "email", "first_name", "last_name", "avatar_url"])],
}

export const adminShowListFields: FieldsConfig = { ...adminShowFields, isList: true }
