import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"
import { LIVE_ROUTES } from "../route-table"
import { SCOPE_ACCESS } from "../utils/live-routes"

const API = path.resolve(__dirname, "..")

/** Every `route.ts` under src/api with the HTTP methods it exports, as Medusa's router names them. */
function fileRoutes(dir = API): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return entry.name === "__tests__" ? [] : fileRoutes(full)
    }
    if (entry.name !== "route.ts") {
      return []
    }
    const routePath = "/" + path.relative(API, dir).split(path.sep).map((s) => s.replace(/^\[(\w+)\]$/, ":$1")).join("/")
    const methods = [...readFileSync(full, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1])
    return methods.map((method) => `${method} ${routePath}`)
  })
}

/**
 * Webhooks are called by a service, not by customers or admin users: they authenticate by their
 * signature (checked in the route), so the authorization matrix has no caller to play there.
 */
const WEBHOOKS = ["POST /hooks/livekit"]

describe("the route table", () => {
  it("lists every route the plugin serves, and nothing else", () => {
    const declared = LIVE_ROUTES.map((r) => `${r.method} ${r.path}`)
    expect(declared.sort()).toEqual(fileRoutes().filter((r) => !WEBHOOKS.includes(r)).sort())
    expect(fileRoutes()).toEqual(expect.arrayContaining(WEBHOOKS))
  })

  it("declares each route once, with an answer for every caller", () => {
    const keys = LIVE_ROUTES.map((r) => `${r.method} ${r.path}`)
    expect(new Set(keys).size).toBe(keys.length)
    for (const route of LIVE_ROUTES) {
      const callers = ["anonymous", "customer", "other_customer", "staff", "seller", "other_seller", "forged"] as const
      expect(callers.filter((c) => !Number.isInteger(route.access[c]))).toEqual([])
      // A route with path parameters checks them before anything reaches a query.
      expect({ route: route.path, params: route.path.includes(":") ? !!route.params : true }).toEqual({ route: route.path, params: true })
    }
  })

  it("scopes every Admin route, and declares for sellers what its scope answers them", () => {
    const admin = LIVE_ROUTES.filter((r) => r.path.startsWith("/admin"))
    expect(admin.filter((r) => !r.scope).map((r) => r.path)).toEqual([])
    for (const route of admin) {
      const scope = typeof route.scope === "object" ? "owner" : route.scope!
      // An owner scope needs the record's id in the path.
      expect({ route: route.path, owned: scope === "owner" ? route.path.includes(":id") : true }).toEqual({ route: route.path, owned: true })
      expect({ route: route.path, access: route.access }).toEqual({ route: route.path, access: SCOPE_ACCESS[scope] })
    }
    expect(LIVE_ROUTES.filter((r) => r.path.startsWith("/store") && r.scope).map((r) => r.path)).toEqual([])
  })
})
