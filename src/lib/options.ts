import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { hasCentPrecision } from "../modules/auctions/utils/money"

/**
 * Whatnot's public increment table: from this price (in the currency's main
 * unit) on, the next bid must be at least this much higher.
 * https://help.whatnot.com — "Bidding Overview"
 */
export const DEFAULT_BID_INCREMENTS: BidIncrementStep[] = [
  { from: 0, increment: 1 },
  { from: 30, increment: 2 },
  { from: 50, increment: 3 },
  { from: 100, increment: 5 },
  { from: 300, increment: 10 },
  { from: 1000, increment: 20 },
  { from: 2000, increment: 50 },
]

export type BidIncrementStep = { from: number; increment: number }

// Cents at most: an increment below the smallest unit rounds to nothing, and equal bids would
// then be accepted again and again (a lot's own currency is checked when the lot is saved).
const money = z.number().nonnegative().max(1e12).refine(hasCentPrecision, { message: "must have at most 2 decimals" })

export const BidIncrementTable = z
  .array(z.object({ from: money, increment: money.refine((n) => n >= 0.01, { message: "must be at least 0.01" }) }).strict())
  .min(1)
  .max(50)
  .refine((steps) => steps.length === 0 || steps[0].from === 0, {
    message: "the first step must start at 0",
  })
  .refine((steps) => steps.every((s, i) => i === 0 || s.from > steps[i - 1].from), {
    message: "steps must be sorted by `from`, strictly ascending",
  })

const RealtimeOptions = z
  .object({
    /** Public URL storefronts open their Socket.io connection to. */
    url: z.url({ protocol: /^(https?|wss?)$/ }).default("http://localhost:9001"),
    /** Socket.io path on that server. */
    path: z.string().startsWith("/").default("/socket.io"),
    /**
     * Redis the outbox relay publishes lot events to, for N sidecars. Without it the relay
     * NOTIFYs on PostgreSQL and one sidecar LISTENs (the embedded default).
     */
    redisUrl: z.string().regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL").optional(),
  })
  .strict()

const LivekitOptions = z
  .object({
    /** LiveKit server URL (the API host; `wss://` is accepted and used for clients). */
    url: z.url({ protocol: /^(https?|wss?)$/ }),
    apiKey: z.string().min(1),
    apiSecret: z.string().min(16, "must be at least 16 characters"),
    /**
     * The URL browsers connect to, when it is not `url` (the server reaches LiveKit on an internal
     * name, e.g. `http://livekit:7880` in docker-compose, browsers on `ws://localhost:7880`).
     */
    publicUrl: z.url({ protocol: /^(https?|wss?)$/ }).optional(),
    /** A publisher who drops is "reconnecting" for this long, then "lost" (viewers and the seller are told). */
    publisherGraceSeconds: z.int().min(1).max(3600).default(20),
    /** How long a viewer token lets a viewer join the show's room (short: a viewer asks again). */
    viewerTokenTtlSeconds: z.int().min(30).max(24 * 3600).default(600),
  })
  .strict()

const S3Options = z
  .object({
    bucket: z.string().min(1),
    region: z.string().min(1),
    /** Any S3-compatible endpoint (MinIO); unset: AWS. */
    endpoint: z.url({ protocol: /^https?$/ }).optional(),
    accessKeyId: z.string().min(1),
    secretAccessKey: z.string().min(1),
    /** Where objects are read from (a CDN, the bucket's public URL); unset: the endpoint's URL of the object. */
    publicUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** Path-style URLs (`endpoint/bucket/key`), as MinIO needs. */
    forcePathStyle: z.boolean().optional(),
  })
  .strict()

const MediaOptions = z
  .object({
    /** Where show recordings (LiveKit egress) and uploaded media go; unset: no recording. */
    s3: S3Options.optional(),
  })
  .strict()

const AuctionOptions = z
  .object({
    /** Default increment table; a lot may override it. */
    increments: BidIncrementTable.default(DEFAULT_BID_INCREMENTS),
    /** A bid in the last N seconds extends the lot (0 = no soft close by default). */
    softCloseSeconds: z.int().min(0).max(3600).default(10),
  })
  .strict()

const SettlementOptions = z
  .object({
    /** How long a winner has to pay (a lot may override it). Default 24 h. */
    paymentWindowSeconds: z.int().min(10).max(60 * 24 * 3600).default(24 * 3600),
    /** Reminders, in seconds before the deadline (one each). */
    reminderSecondsBeforeDue: z.array(z.int().positive()).max(5).default([3600]),
    /** When a winner does not pay, offer the lot to this many runner-ups in turn (0 = none). */
    runnerUpDepth: z.int().min(0).max(10).default(2),
    /** A runner-up's time to pay; null = `paymentWindowSeconds`. */
    runnerUpWindowSeconds: z.int().min(10).max(60 * 24 * 3600).nullable().default(null),
    /**
     * Charge a buyer's saved card off-session (Stripe). Lots outside a show are charged at once;
     * a show's wins once the show has no live or scheduled lot left, so they ship together.
     */
    autoCharge: z.boolean().default(true),
    /** The payment provider for off-session charges. */
    autoChargeProviderId: z.string().min(1).default("pp_stripe_stripe"),
  })
  .strict()

export const LiveCommerceOptionsSchema = z
  .object({
    realtime: RealtimeOptions.default({ url: "http://localhost:9001", path: "/socket.io" }),
    livekit: LivekitOptions.optional(),
    media: MediaOptions.default({}),
    auctions: AuctionOptions.default({
      increments: DEFAULT_BID_INCREMENTS,
      softCloseSeconds: 10,
    }),
    settlement: SettlementOptions.default(SettlementOptions.parse({})),
  })
  .strict()

export type LiveCommerceOptionsInput = z.input<typeof LiveCommerceOptionsSchema>
export type LiveCommerceOptions = z.output<typeof LiveCommerceOptionsSchema>

/** Keys Medusa adds to every module's options on its own (never ours to validate). */
const MEDUSA_INJECTED_KEYS = ["database"]

export const PLUGIN_NAME = "medusa-plugin-live-commerce"

/**
 * Validates the plugin options and returns them with defaults applied.
 * Throws one error whose message names every bad option and what to fix,
 * so a misconfigured shop fails at boot (and in `db:migrate`), not mid-show.
 */
export function parseLiveCommerceOptions(raw: unknown): LiveCommerceOptions {
  const input = { ...((raw ?? {}) as Record<string, unknown>) }
  for (const key of MEDUSA_INJECTED_KEYS) {
    delete input[key]
  }
  const parsed = LiveCommerceOptionsSchema.safeParse(input)
  if (!parsed.success) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${PLUGIN_NAME}: invalid plugin options: ${describeIssues(parsed.error.issues)}`
    )
  }
  return parsed.data
}

function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.length ? issue.path.join(".") : "(root)"
      if (issue.code === "unrecognized_keys") {
        const where = issue.path.length ? `${path}.` : ""
        return issue.keys.map((k) => `\`${where}${k}\` is not an option`).join("; ")
      }
      return `\`${path}\` ${issue.message}`
    })
    .join("; ")
}
