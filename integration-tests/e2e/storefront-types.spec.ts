import { execFileSync } from "node:child_process"
import { mkdtemp, rm, writeFile } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { runToCompletion } from "../../scripts/lib/processes"
import { packedPlugin } from "../helpers/packed-plugin"

jest.setTimeout(10 * 60_000)

const pkg = require("../../package.json")

/**
 * A storefront developer's path: the packed plugin installed for its types beside Medusa's JS
 * SDK and socket.io-client, and a storefront file type-checked with `tsc --strict`. The
 * `@ts-expect-error` lines only compile when the shipped types are real (with no types they
 * would be `any`, and an unused `@ts-expect-error` is itself an error).
 */
describe("the shipped types, in a storefront", () => {
  let dir: string

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "live-storefront-"))
    const { tarball } = await packedPlugin()
    await writeFile(
      path.join(dir, "package.json"),
      JSON.stringify({
        name: "storefront",
        private: true,
        dependencies: {
          [pkg.name]: `file:${tarball}`,
          "@medusajs/js-sdk": pkg.devDependencies["@medusajs/js-sdk"],
          "socket.io-client": pkg.dependencies["socket.io-client"],
          typescript: pkg.devDependencies.typescript,
        },
      })
    )
    await runToCompletion("npm-install", "npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: dir, echo: false })
  })

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it.each(["bundler", "node16"])("should type-check a storefront's calls with moduleResolution %s, and refuse wrong ones", async (resolution) => {
    await writeFile(path.join(dir, "storefront.ts"), STOREFRONT)
    const module = resolution === "bundler" ? "esnext" : "node16"
    const tsc = path.join(dir, "node_modules", ".bin", "tsc")
    // skipLibCheck as storefronts set it (Next.js does): Medusa's own declarations need Node and vite types to check.
    const args = ["--strict", "--noEmit", "--skipLibCheck", "--module", module, "--moduleResolution", resolution, "--target", "es2022", "--lib", "es2022,dom", "storefront.ts"]
    const output = await runToCompletion("tsc", tsc, args, { cwd: dir, echo: false }).catch((err: Error) => err.message)
    expect(output).toEqual([])

    // And the same file with a wrong field, unmarked, fails.
    await writeFile(path.join(dir, "storefront.ts"), STOREFRONT.replace("// @ts-expect-error the Store API never carries the leader's max\n", ""))
    const failed = await runToCompletion("tsc", tsc, args, { cwd: dir, echo: false }).then(
      () => "compiled",
      (err: Error) => err.message
    )
    expect(failed).toMatch(/Property 'leader_max' does not exist/)
  })

  it("should load the contract without loading Medusa", () => {
    const script = `require("${pkg.name}/realtime/contract"); console.log(JSON.stringify(Object.keys(require.cache)))`
    const loaded: string[] = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: dir }).toString())
    expect(loaded.some((file) => file.includes(`${pkg.name}`))).toBe(true)
    expect(loaded.filter((file) => file.includes("@medusajs"))).toEqual([])
  })
})

const STOREFRONT = `
import Medusa from "@medusajs/js-sdk"
import { io, type Socket } from "socket.io-client"
import type { ClientToServerEvents, ServerToClientEvents } from "${pkg.name}/realtime/contract"
import type {
  StoreAuctionResponse,
  StoreErrorBody,
  StorePlaceBidRequest,
  StorePlaceBidResponse,
  StoreShowResponse,
  StoreLiveConfigResponse,
  StoreLotOfferListResponse,
} from "${pkg.name}/store"

const sdk = new Medusa({ baseUrl: "http://localhost:9000", publishableKey: "pk_test" })

export async function nextBid(id: string): Promise<number> {
  const { auction } = await sdk.client.fetch<StoreAuctionResponse>(\`/store/auctions/\${id}\`)
  const mine: number | null = auction.your_max
  // @ts-expect-error the Store API never carries the leader's max
  const leak = auction.leader_max
  return mine ?? auction.min_next_bid
}

export async function bid(id: string, amount: number): Promise<string> {
  const body: StorePlaceBidRequest = { amount, idempotency_key: crypto.randomUUID() }
  // @ts-expect-error an amount is a number
  const wrong: StorePlaceBidRequest = { amount: "5", idempotency_key: "key-0001" }
  try {
    const placed = await sdk.client.fetch<StorePlaceBidResponse>(\`/store/auctions/\${id}/bids\`, { method: "POST", body })
    return placed.bid.outcome
  } catch (error) {
    const refused = error as StoreErrorBody
    return refused.code ?? refused.type
  }
}

export async function lineup(id: string) {
  const { show } = await sdk.client.fetch<StoreShowResponse>(\`/store/shows/\${id}\`)
  const { config } = await sdk.client.fetch<StoreLiveConfigResponse>("/store/live/config")
  const { lot_offers } = await sdk.client.fetch<StoreLotOfferListResponse>("/store/customers/me/lot-offers")
  return [show.auctions.map((lot) => lot.ends_at), config.realtime.url, lot_offers.map((o) => o.cart_id)]
}

const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io("http://localhost:9001", { auth: { token: "jwt" } })
socket.on("bid:placed", (event) => {
  const price: number = event.price
  return price
})
// @ts-expect-error no such event
socket.on("bid:made", () => undefined)
socket.emit("room:join", { room: "auction:auc_1", last_seq: 3 }, (res) => (res.ok ? res.data.replayed : res.error.code))
// @ts-expect-error last_seq is a number
socket.emit("room:join", { room: "auction:auc_1", last_seq: "3" }, () => undefined)
`
