import { EmptyBody, FieldsQuery, IdParams, NoQuery } from "../../utils/validators"
import { actionRoutes, ADMINS, OWNER_OR_STAFF, type LiveRoute } from "../../utils/live-routes"
import { adminAuctionFields } from "../auctions/query-config"
import { adminShowFields, adminShowListFields } from "./query-config"
import {
  AdminAddToLineup,
  AdminAttachShowMedia,
  AdminCreateIngress,
  AdminCreateShow,
  AdminCreateShowMediaUpload,
  AdminGetShows,
  AdminReorderLineup,
  AdminUpdateShow,
} from "./validators"

const show = IdParams("id")
const ownShow = { owner: "show" } as const

export const adminShowRoutes: LiveRoute[] = [
  { method: "GET", path: "/admin/shows", query: AdminGetShows, fields: adminShowListFields, scope: "admins", access: ADMINS },
  { method: "POST", path: "/admin/shows", query: NoQuery, body: AdminCreateShow, scope: "admins", access: ADMINS },
  {
    method: "GET",
    path: "/admin/shows/:id",
    params: show,
    query: FieldsQuery,
    fields: adminShowFields,
    scope: ownShow,
    access: OWNER_OR_STAFF,
  },
  { method: "POST", path: "/admin/shows/:id", params: show, query: NoQuery, body: AdminUpdateShow, scope: ownShow, access: OWNER_OR_STAFF },
  ...actionRoutes("/admin/shows/:id", ["go-live", "end", "cancel"], show, ownShow, OWNER_OR_STAFF),
  {
    method: "GET",
    path: "/admin/shows/:id/lineup",
    params: show,
    query: FieldsQuery,
    fields: adminAuctionFields,
    scope: ownShow,
    access: OWNER_OR_STAFF,
  },
  {
    method: "POST",
    path: "/admin/shows/:id/lineup",
    params: show,
    query: NoQuery,
    body: AdminAddToLineup,
    scope: ownShow,
    access: OWNER_OR_STAFF,
  },
  {
    method: "POST",
    path: "/admin/shows/:id/lineup/reorder",
    params: show,
    query: NoQuery,
    body: AdminReorderLineup,
    scope: ownShow,
    access: OWNER_OR_STAFF,
  },
  { method: "POST", path: "/admin/shows/:id/next-lot", params: show, query: NoQuery, body: EmptyBody, scope: ownShow, access: OWNER_OR_STAFF },
  // Video (LiveKit): the seller's publishing token and OBS ingress hold secrets: the show's seller and staff only.
  {
    method: "POST",
    path: "/admin/shows/:id/publisher-token",
    params: show,
    query: NoQuery,
    body: EmptyBody,
    scope: ownShow,
    access: OWNER_OR_STAFF,
  },
  { method: "GET", path: "/admin/shows/:id/ingress", params: show, query: NoQuery, scope: ownShow, access: OWNER_OR_STAFF },
  {
    method: "POST",
    path: "/admin/shows/:id/ingress",
    params: show,
    query: NoQuery,
    body: AdminCreateIngress,
    scope: ownShow,
    access: OWNER_OR_STAFF,
  },
  // Media on S3: a presigned upload, then the uploaded object checked and set on the show.
  {
    method: "POST",
    path: "/admin/shows/:id/media-uploads",
    params: show,
    query: NoQuery,
    body: AdminCreateShowMediaUpload,
    scope: ownShow,
    access: OWNER_OR_STAFF,
  },
  {
    method: "POST",
    path: "/admin/shows/:id/media",
    params: show,
    query: NoQuery,
    body: AdminAttachShowMedia,
    scope: ownShow,
    access: OWNER_OR_STAFF,
  },
]
