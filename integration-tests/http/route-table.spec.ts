import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { FakeLiveKit } from "../helpers/fake-livekit"
import { LocalS3 } from "../helpers/local-s3"
import { makeCallers, type Callers } from "../helpers/route-samples"
import { withTestTimeout } from "../helpers/suites"
import { authorizationMatrixSuite } from "./route-table/authorization-matrix"
import { routeFuzzSuite } from "./route-table/route-fuzz"

// Their hooks (the fake services' start) and the slowest of their tests: the fuzz's bound.
jest.setTimeout(300_000)

// The video routes answer only with LiveKit configured: a local server speaking its API stands in
// (and with it, hostile input to the video routes reaches past "not configured").
const { livekit, port: livekitPort } = FakeLiveKit.forApp()
// The media routes answer only with S3 configured: a local S3 protocol server stands in.
const s3 = LocalS3.forApp()

/**
 * The suites generated from the route table (src/api/route-table.ts), on ONE Medusa with the same
 * environment: the authorization matrix and the fuzz. The runner restores the database before
 * every test, as it did when each had its own file.
 *
 * The callers (customers A and B, staff, sellers A and B, their tokens) are made once, here: the
 * runner snapshots the database after the file's beforeAll hooks, so they are in the template
 * every test starts from, and no test pays for six password hashes again. What a test does with
 * them (bids, blocks) is still undone by the restore before the next one.
 */
medusaIntegrationTestRunner({
  testSuite: (options) => {
    const callers = {} as Record<"store" | "admin", Callers>
    beforeAll(async () => {
      await livekit.listen(livekitPort)
      await s3.start()
      callers.store = await makeCallers(options.getContainer(), options.api, "store")
      callers.admin = await makeCallers(options.getContainer(), options.api, "admin")
    })
    afterAll(async () => {
      await livekit.close()
      await s3.stop()
    })

    const callersFor = (area: "store" | "admin") => callers[area]
    describe("authorization matrix", () => withTestTimeout(180_000, () => authorizationMatrixSuite(options, callersFor)))
    describe("route fuzz", () => withTestTimeout(300_000, () => routeFuzzSuite(options, callersFor)))
  },
})
