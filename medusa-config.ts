/**
 * The app that runs this repository (dev, demo, tests). It is not shipped:
 * integrators list the plugin in their own medusa-config instead (see README).
 * Every setting comes from the environment; the table in the README lists them all.
 */
import { createSecretKey } from "node:crypto"
import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const env = process.env
const redisUrl = env.REDIS_URL || undefined
const jwtSecret = env.JWT_SECRET || "supersecret"

/** Options of medusa-plugin-live-commerce, validated by the plugin at boot. */
const liveCommerceOptions = {
  realtime: {
    url: env.REALTIME_PUBLIC_URL || `http://localhost:${env.REALTIME_PORT || 9001}`,
    // Lot events go to the sidecars over Redis when there is one (REALTIME_REDIS_URL overrides).
    ...(env.REALTIME_REDIS_URL || redisUrl ? { redisUrl: env.REALTIME_REDIS_URL || redisUrl } : {}),
  },
  ...(env.LIVEKIT_URL
    ? {
        livekit: {
          url: env.LIVEKIT_URL,
          apiKey: env.LIVEKIT_API_KEY,
          apiSecret: env.LIVEKIT_API_SECRET,
          ...(env.LIVEKIT_PUBLIC_URL ? { publicUrl: env.LIVEKIT_PUBLIC_URL } : {}),
          ...(env.LIVEKIT_PUBLISHER_GRACE_SECONDS ? { publisherGraceSeconds: Number(env.LIVEKIT_PUBLISHER_GRACE_SECONDS) } : {}),
          ...(env.LIVEKIT_VIEWER_TOKEN_TTL_SECONDS ? { viewerTokenTtlSeconds: Number(env.LIVEKIT_VIEWER_TOKEN_TTL_SECONDS) } : {}),
        },
      }
    : {}),
  // The same bucket as Medusa's file-s3 below: LiveKit's egress writes show recordings there. It
  // needs the keys (egress runs on LiveKit's machines); a bucket reached by an IAM role records nothing.
  ...(env.S3_BUCKET && env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
    ? {
        media: {
          s3: {
            bucket: env.S3_BUCKET,
            region: env.S3_REGION || "us-east-1",
            ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT, forcePathStyle: true } : {}),
            accessKeyId: env.S3_ACCESS_KEY_ID,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY,
            ...(env.S3_FILE_URL ? { publicUrl: env.S3_FILE_URL } : {}),
          },
        },
      }
    : {}),
  ...(env.LIVE_SOFT_CLOSE_SECONDS
    ? { auctions: { softCloseSeconds: Number(env.LIVE_SOFT_CLOSE_SECONDS) } }
    : {}),
  ...(env.LIVE_AUTO_CHARGE === "false" ? { settlement: { autoCharge: false } } : {}),
}

/** With REDIS_URL, Medusa's own infrastructure goes to Redis too (needed for N processes). */
const redisModules = redisUrl
  ? [
      { key: Modules.EVENT_BUS, resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
      {
        key: Modules.WORKFLOW_ENGINE,
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl } },
      },
      {
        key: Modules.LOCKING,
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
    ]
  : []

/**
 * Medusa's Caching Module (feature flag `caching`): among others it caches the publishable-key
 * lookup every /store request makes, the largest single cost of a bid request (docs/benchmarks.md).
 * In memory on one process; Redis when REDIS_URL is set, so N processes share invalidations.
 */
const cachingModule = [
  {
    key: Modules.CACHING,
    resolve: "@medusajs/medusa/caching",
    options: redisUrl
      ? {
          providers: [
            { resolve: "@medusajs/medusa/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl } },
          ],
        }
      : { in_memory: { enable: true } },
  },
]

/**
 * Without S3, Medusa's local file provider: its URLs name this server's own port (the provider's
 * default is always :9000, so product images broke on any other PORT).
 */
const localFileModule = [
  {
    key: Modules.FILE,
    resolve: "@medusajs/medusa/file",
    options: {
      providers: [
        {
          resolve: "@medusajs/medusa/file-local",
          id: "local",
          options: { backend_url: `${env.MEDUSA_BACKEND_URL || `http://localhost:${env.PORT || 9000}`}/static` },
        },
      ],
    },
  },
]

const fileModule = env.S3_BUCKET
  ? [
      {
        key: Modules.FILE,
        resolve: "@medusajs/medusa/file",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/file-s3",
              id: "s3",
              options: {
                file_url: env.S3_FILE_URL,
                access_key_id: env.S3_ACCESS_KEY_ID,
                secret_access_key: env.S3_SECRET_ACCESS_KEY,
                region: env.S3_REGION || "us-east-1",
                bucket: env.S3_BUCKET,
                endpoint: env.S3_ENDPOINT,
                additional_client_config: { forcePathStyle: Boolean(env.S3_ENDPOINT) },
              },
            },
          ],
        },
      },
    ]
  : localFileModule

/**
 * Stripe beside Medusa's always-on system provider (`pp_system_default`). Its webhook is
 * Medusa's `/hooks/payment/stripe_stripe`. STRIPE_API_BASE points the same provider at another
 * Stripe endpoint (stripe-mock, a test server): see src/providers/stripe.
 */
const stripeModule = env.STRIPE_API_KEY
  ? [
      {
        key: Modules.PAYMENT,
        resolve: "@medusajs/medusa/payment",
        options: {
          // Medusa delays webhook processing (default 5 s) to let a storefront's own completion win.
          ...(env.PAYMENT_WEBHOOK_DELAY_MS ? { webhook_delay: Number(env.PAYMENT_WEBHOOK_DELAY_MS) } : {}),
          providers: [
            {
              resolve: env.STRIPE_API_BASE ? "./src/providers/stripe" : "@medusajs/medusa/payment-stripe",
              id: "stripe",
              options: {
                apiKey: env.STRIPE_API_KEY,
                webhookSecret: env.STRIPE_WEBHOOK_SECRET,
                ...(env.STRIPE_API_BASE ? { apiBase: env.STRIPE_API_BASE } : {}),
              },
            },
          ],
        },
      },
    ]
  : []

/**
 * Under Jest only (NODE_ENV=test): passwords hashed with scrypt N=2^10 rather than Medusa's 2^15.
 * Every http test makes its own admin users and customers, a register and a login each: at 2^15
 * that is ~0.4 s of CPU per person on a 2-core box, the largest fixed cost of a test (as Devise
 * lowers its stretches in tests). `npm start`, the e2e stacks and any deployment keep Medusa's
 * default; passwords are checked the same way, only cheaper to compute.
 */
const testAuthModule =
  env.NODE_ENV === "test"
    ? [
        {
          key: Modules.AUTH,
          resolve: "@medusajs/medusa/auth",
          options: { providers: [{ resolve: "@medusajs/medusa/auth-emailpass", id: "emailpass", options: { hashConfig: { logN: 10, r: 8, p: 1 } } }] },
        },
      ]
    : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: env.DATABASE_URL,
    redisUrl,
    workerMode: (env.WORKER_MODE as "shared" | "worker" | "server") || "shared",
    http: {
      storeCors: env.STORE_CORS || "http://localhost:8000,http://localhost:9000",
      adminCors: env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: env.AUTH_CORS || "http://localhost:8000,http://localhost:9000,http://localhost:5173",
      jwtSecret,
      // The same HMAC secret as a KeyObject for verification. Given a string, jsonwebtoken first
      // tries to parse it as a PEM public key and throws, on every authenticated request: that
      // was ~15 % of a bid request's CPU (docs/benchmarks.md). Tokens stay HS256 with jwtSecret.
      jwtPublicKey: createSecretKey(Buffer.from(jwtSecret)),
      jwtVerifyOptions: { algorithms: ["HS256"] },
      jwtOptions: { algorithm: "HS256" },
      cookieSecret: env.COOKIE_SECRET || "supersecret",
    },
  },
  featureFlags: { caching: env.LIVE_DISABLE_CACHING !== "true" },
  admin: {
    disable: env.ADMIN_DISABLED === "true" || env.WORKER_MODE === "worker",
    backendUrl: env.MEDUSA_BACKEND_URL,
  },
  modules: [
    { resolve: "./src/modules/auctions", options: liveCommerceOptions },
    // In a host app the plugin hands its options to every module; here each module is named.
    { resolve: "./src/modules/streams", options: liveCommerceOptions },
    { resolve: "./src/modules/live-events", options: liveCommerceOptions },
    { resolve: "./src/modules/chat", options: liveCommerceOptions },
    ...redisModules,
    ...(env.LIVE_DISABLE_CACHING === "true" ? [] : cachingModule),
    ...fileModule,
    ...stripeModule,
    ...testAuthModule,
  ],
})
