import { medusaIntegrationTestRunner, type MedusaSuiteOptions } from "@medusajs/test-utils"
import { withTestTimeout } from "../helpers/suites"
import { auctionLifecycleSuite } from "./one-app/auction-lifecycle"
import { bidConcurrencySuite } from "./one-app/bid-concurrency"
import { chatSuite } from "./one-app/chat"
import { demoSeedSuite } from "./one-app/demo-seed"
import { inputValidationSuite } from "./one-app/input-validation"
import { queryFieldsSuite } from "./one-app/query-fields"
import { sellersSuite } from "./one-app/sellers"
import { settlementSuite } from "./one-app/settlement"
import { showsSuite } from "./one-app/shows"
import { storeBidsSuite } from "./one-app/store-bids"

/**
 * The http specs that need no environment of their own, on ONE Medusa (booting it and migrating
 * its database cost the most of a small spec). Nothing is shared between tests but the process:
 * the runner restores the database from its template before every test, as it did per file.
 * Each suite keeps its own test bound (what its file's `jest.setTimeout` was); hooks get the largest.
 */
jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  testSuite: (options) => {
    suite("auction-lifecycle", 120_000, auctionLifecycleSuite)
    suite("bid-concurrency", 180_000, bidConcurrencySuite)
    suite("chat", 120_000, chatSuite)
    suite("demo-seed", 180_000, demoSeedSuite)
    suite("input-validation", 120_000, inputValidationSuite)
    suite("query-fields", 120_000, queryFieldsSuite)
    suite("sellers", 180_000, sellersSuite)
    suite("settlement", 180_000, settlementSuite)
    suite("shows", 120_000, showsSuite)
    suite("store-bids", 120_000, storeBidsSuite)

    /** A suite in its own describe, its tests bounded by `timeoutMs` unless they say otherwise. */
    function suite(name: string, timeoutMs: number, register: (options: MedusaSuiteOptions) => void) {
      describe(name, () => withTestTimeout(timeoutMs, () => register(options)))
    }
  },
})
