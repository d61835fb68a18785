import { ADMINS, type LiveRoute } from "../../utils/live-routes"
import { EmptyBody, NoQuery } from "../../utils/validators"

/** The Admin's own session: who is calling, and a token for the realtime sidecar. */
export const adminLiveRoutes: LiveRoute[] = [
  { method: "GET", path: "/admin/live/me", query: NoQuery, scope: "admins", access: ADMINS },
  { method: "POST", path: "/admin/live/realtime-token", query: NoQuery, body: EmptyBody, scope: "admins", access: ADMINS },
]
