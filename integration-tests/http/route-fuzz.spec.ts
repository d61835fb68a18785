import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { LIVE_ROUTES } from "../../src/api/route-table"
import type { LiveRoute } from "../../src/api/utils/live-routes"
import { requestedFields } from "../../src/api/utils/query-fields"
import { hostileBodies, hostileParams, hostileQueries, shapeOf, type Variant } from "../helpers/hostile"
import { outboxPublished, pluginTablesChecksum } from "../helpers/plugin-tables"
import { FakeLiveKit } from "../helpers/fake-livekit"
import { LocalS3 } from "../helpers/local-s3"
import { fixtures, makeCallers, routeKey, SAMPLES, sampleUrl, send, type Sample } from "../helpers/route-samples"

jest.setTimeout(300_000)

// With LiveKit (a local stand-in), hostile input to the video routes reaches past "not configured".
const { livekit, port: livekitPort } = FakeLiveKit.forApp()
// The media routes answer only with S3 configured: a local S3 protocol server stands in.
const s3 = LocalS3.forApp()

/**
 * The fuzz suite, generated from the route table's validators: for every Store and Admin route,
 * malformed, oversized and hostile path parameters, query strings and bodies, sent by a caller
 * the route admits. Each must be refused with a 4xx (never a 5xx) and change no row of the
 * plugin's tables. A value the route's own validator accepts is a bug in the validator.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    beforeAll(async () => {
      await livekit.listen(livekitPort)
      await s3.start()
    })
    afterAll(async () => {
      await livekit.close()
      await s3.stop()
    })

    it.each(LIVE_ROUTES.map((r): [string, LiveRoute] => [routeKey(r), r]))("%s refuses hostile input", async (_, route) => {
      const container = getContainer()
      const area = route.path.startsWith("/store") ? "store" : "admin"
      const callers = await makeCallers(container, api, area)
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
      for (const request of requests) {
        const res = await send(api, route, sampleUrl(route, request.sample), request.sample.body, headers)
        if (res.status < 400 || res.status >= 500) {
          notRefused.push([request.what, res.status])
        }
      }
      expect({ acceptedByValidator, notRefused }).toEqual({ acceptedByValidator: [], notRefused: [] })
      expect(await pluginTablesChecksum(dbConnection)).toEqual(before)
    })
  },
})

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
