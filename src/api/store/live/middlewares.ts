import { NoQuery } from "../../utils/validators"
import { STORE_PUBLIC, type LiveRoute } from "../../utils/live-routes"

export const storeLiveRoutes: LiveRoute[] = [{ method: "GET", path: "/store/live/config", query: NoQuery, access: STORE_PUBLIC }]
