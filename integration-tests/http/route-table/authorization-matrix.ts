import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { LIVE_ROUTES } from "../../../src/api/route-table"
import type { Caller, LiveRoute } from "../../../src/api/utils/live-routes"
import { mapConcurrent } from "../../helpers/concurrency"
import { fixtures, routeKey, SAMPLES, sampleUrl, send, type Callers } from "../../helpers/route-samples"

const CALLERS: Exclude<Caller, "forged">[] = ["anonymous", "customer", "other_customer", "staff", "seller", "other_seller"]

/** The plays of one route (each with its own sample) sent at once, at most. */
const PLAYS_IN_FLIGHT = 6

/** Who may see customer A's id: A, staff, and seller A (A bid on their lots); never B or seller B. */
const MAY_SEE_A: Caller[] = ["customer", "staff", "seller"]

/**
 * The authorization matrix, generated from the route table (src/api/route-table.ts): every route,
 * played by every caller (anonymous, customer A, customer B, staff, seller A, seller B, five kinds
 * of forged token, and a Store request without its publishable key), must answer exactly what the
 * route declares. The samples name seller A's shows and lots: seller B gets the 404 of a record
 * that is not there, and lists without them. Customer A's id never reaches anyone but A, staff
 * and seller A.
 */
export function authorizationMatrixSuite({ api, getContainer }: MedusaSuiteOptions, callersFor: (area: "store" | "admin") => Callers): void {
  it("should declare access for every route, and have a sample request for each", () => {
    const missing = LIVE_ROUTES.filter((r) => !SAMPLES[routeKey(r)]).map(routeKey)
    expect(missing).toEqual([])
    for (const route of LIVE_ROUTES) {
      expect({ route: routeKey(route), store: route.path.startsWith("/store"), declared: "no_publishable_key" in route.access }).toEqual({
        route: routeKey(route),
        store: route.path.startsWith("/store"),
        declared: route.path.startsWith("/store"),
      })
    }
  })

  it.each(LIVE_ROUTES.map((r): [string, LiveRoute] => [routeKey(r), r]))("%s answers each caller as declared", async (_, route) => {
    const container = getContainer()
    const area = route.path.startsWith("/store") ? "store" : "admin"
    const callers = callersFor(area)
    const fx = fixtures(container, api, callers)
    const plays: [string, Record<string, string>, number, boolean][] = [
      ...CALLERS.map((c): [string, Record<string, string>, number, boolean] => [c, callers.headers[c], route.access[c], !MAY_SEE_A.includes(c)]),
      ...Object.entries(callers.forged).map(([kind, headers]): [string, Record<string, string>, number, boolean] => [
        `forged: ${kind}`,
        headers,
        route.access.forged,
        true,
      ]),
      ...(area === "store"
        ? [["no publishable key", callers.noPublishableKey, route.access.no_publishable_key!, true] as [string, Record<string, string>, number, boolean]]
        : []),
    ]
    // Each play is independent (its own fresh sample): up to PLAYS_IN_FLIGHT at once, answers in order.
    const played = await mapConcurrent(plays, PLAYS_IN_FLIGHT, async ([caller, headers, , mustNotSeeA]) => {
      // A fresh sample per caller: one caller's success (a start, a bid) never changes another's cell.
      const sample = await SAMPLES[routeKey(route)](fx)
      const res = await send(api, route, sampleUrl(route, sample), sample.body, headers)
      return { caller, status: res.status, leak: mustNotSeeA && JSON.stringify(res.data ?? "").includes(callers.customerA.id) }
    })
    const answers: [string, number][] = played.map((p) => [p.caller, p.status])
    const leaks: string[] = played.filter((p) => p.leak).map((p) => p.caller)
    expect(answers).toEqual(plays.map(([caller, , expected]) => [caller, expected]))
    expect(leaks).toEqual([])
  })
}
