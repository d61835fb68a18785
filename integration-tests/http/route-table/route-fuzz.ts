import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { LIVE_ROUTES } from "../../../src/api/route-table"
import type { LiveRoute } from "../../../src/api/utils/live-routes"
import { requestedFields } from "../../../src/api/utils/query-fields"
import { hostileBodies, hostileParams, hostileQueries, shapeOf, type Variant } from "../../helpers/hostile"
import { outboxPublished, pluginTablesChecksum } from "../../helpers/plugin-tables"
import { mapConcurrent } from "../../helpers/concurrency"
import { fixtures, routeKey, SAMPLES, sampleUrl, send, type Callers, type Sample } from "../../helpers/route-samples"

/** A route's hostile requests sent at once, at most. */
const REQUESTS_IN_FLIGHT = 8

/**
 * The fuzz suite, generated from the route table's validators: for every Store and Admin route,
 * malformed, oversized and hostile path parameters, query strings and bodies, sent by a caller
 * the route admits. Each must be refused with a 4xx (never a 5xx) and change no row of the
 * plugin's tables. A value the route's own validator accepts is a bug in the validator.
 */
export function routeFuzzSuite({ api, getContainer, dbConnection }: MedusaSuiteOptions, callersFor: (area: "store" | "admin") => Callers): void {
  it.each(LIVE_ROUTES.map((r): [string, LiveRoute] => [routeKey(r), r]))("%s refuses hostile input", async (_, route) => {
    const container = getContainer()
    const area = route.path.startsWith("/store") ? "store" : "admin"
    const callers = callersFor(area)
    const headers = area === "admin" ? callers.headers.staff : route.access.customer < 300 ? callers.headers.customer : callers.headers.anonymous
    const sample = await SAMPLES[routeKey(route)](fixtures(container, api, callers))
    await outboxPublished(dbConnection) // the relay finishing the sample's own events is not a write of ours
    const before = await pluginTablesChecksum(dbConnection)

    const requests: { what: string; sample: Sample; accepted?: boolean }[] = [
      ...(route.body ? hostileBodies(route.body, sample.body).map((v) => variant(v, { ...sample, body: v.value as never }, route.body!)) : []),
      ...(route.query
        ? hostileQueries(route.query, sample.query).map((v) => variant(v, { ...sample, query: v.value as never }, queryValidator(route)))
        : []),
      ...(route.params
        ? hostileParams(Object.keys(shapeOf(route.params) ?? {}), sample.params ?? {}).map((v) => ({
            what: v.what,
            sample: { ...sample, params: v.value as Record<string, string> },
          }))
        : []),
    ]
    const acceptedByValidator = requests.filter((r) => r.accepted).map((r) => r.what)
    const notRefused: [string, number][] = []
    // Independent requests (each must be refused and change nothing): up to REQUESTS_IN_FLIGHT at once, reported in order.
    const statuses = await mapConcurrent(requests, REQUESTS_IN_FLIGHT, async (request) => {
      const res = await send(api, route, sampleUrl(route, request.sample), request.sample.body, headers)
      return res.status
    })
    requests.forEach((request, i) => {
      if (statuses[i] < 400 || statuses[i] >= 500) {
        notRefused.push([request.what, statuses[i]])
      }
    })
    expect({ acceptedByValidator, notRefused }).toEqual({ acceptedByValidator: [], notRefused: [] })
    expect(await pluginTablesChecksum(dbConnection)).toEqual(before)
  })
}

/** A route's query validation: its schema, and `?fields=` against the fields it offers (query-config.ts). */
function queryValidator(route: LiveRoute) {
  const allowed = new Set(route.fields?.allowed ?? [])
  return {
    safeParse: (value: unknown) => {
      const fields = requestedFields((value as { fields?: unknown }).fields).filter((f) => f !== "id")
      const fieldsOk = fields.every((f) => allowed.has(f)) || (!route.fields && fields.length === 0)
      return { success: route.query!.safeParse(value).success && fieldsOk }
    },
  }
}

/** A hostile request, and whether the route's own validator (wrongly) accepts it. */
function variant(v: Variant, sample: Sample, schema: { safeParse: (value: unknown) => { success: boolean } }) {
  const value = v.value
  return { what: v.what, sample, accepted: JSON.stringify(value ?? null).length < 1_000_000 && schema.safeParse(value).success }
}
