import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { FakeLiveKit } from "../helpers/fake-livekit"
import { LocalS3 } from "../helpers/local-s3"
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
 */
medusaIntegrationTestRunner({
  testSuite: (options) => {
    beforeAll(async () => {
      await livekit.listen(livekitPort)
      await s3.start()
    })
    afterAll(async () => {
      await livekit.close()
      await s3.stop()
    })

    describe("authorization matrix", () => withTestTimeout(180_000, () => authorizationMatrixSuite(options)))
    describe("route fuzz", () => withTestTimeout(300_000, () => routeFuzzSuite(options)))
  },
})
