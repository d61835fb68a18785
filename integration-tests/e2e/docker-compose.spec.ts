import { execFileSync } from "node:child_process"
import { parse } from "yaml"
import { ROOT } from "../helpers/launcher"

type Service = {
  command?: string[]
  environment?: Record<string, string>
  depends_on?: Record<string, { condition: string }>
}

/**
 * No Docker engine runs here, but `docker-compose config` (Debian's docker-compose)
 * validates and resolves the file; the wiring between services is checked on the result.
 */
describe("docker-compose.yml", () => {
  let services: Record<string, Service>

  beforeAll(() => {
    const resolved = execFileSync("docker-compose", ["-f", "docker-compose.yml", "config"], { cwd: ROOT }).toString()
    services = parse(resolved).services
  })

  it("should declare the whole production-like stack", () => {
    expect(Object.keys(services).sort()).toEqual(
      [
        "livekit",
        "livekit-egress",
        "livekit-ingress",
        "medusa-server",
        "medusa-worker",
        "migrate",
        "minio",
        "minio-setup",
        "postgres",
        "realtime",
        "redis",
      ].sort()
    )
  })

  it("should run one Medusa server and one worker from the same image, after migrations", () => {
    expect(services["medusa-server"].environment!.WORKER_MODE).toBe("server")
    expect(services["medusa-worker"].environment!.WORKER_MODE).toBe("worker")
    for (const name of ["medusa-server", "medusa-worker"]) {
      expect(services[name].depends_on!.migrate.condition).toBe("service_completed_successfully")
    }
  })

  it("should point every Medusa process at the stack's own PostgreSQL, Redis, MinIO and LiveKit", () => {
    for (const name of ["migrate", "medusa-server", "medusa-worker"]) {
      const env = services[name].environment!
      expect(new URL(env.DATABASE_URL).hostname).toBe("postgres")
      expect(new URL(env.REDIS_URL).hostname).toBe("redis")
      expect(new URL(env.S3_ENDPOINT).hostname).toBe("minio")
      expect(new URL(env.LIVEKIT_URL).hostname).toBe("livekit")
    }
    expect(new URL(services.realtime.environment!.REDIS_URL).hostname).toBe("redis")
    // The sidecar reads the same database as Medusa (its event log, for catch-up).
    expect(services.realtime.environment!.DATABASE_URL).toBe(services["medusa-server"].environment!.DATABASE_URL)
  })

  it("should share secrets where two services must agree", () => {
    const server = services["medusa-server"].environment!
    // The sidecar verifies the tokens Medusa signs.
    expect(services.realtime.environment!.JWT_SECRET).toBe(server.JWT_SECRET)
    // LiveKit accepts what the plugin signs with its key and secret, signs its webhooks to
    // Medusa's /hooks/livekit with the same key, and its egress and ingress workers share both.
    const livekit = parse(services.livekit.environment!.LIVEKIT_CONFIG)
    expect(livekit.keys).toEqual({ [server.LIVEKIT_API_KEY]: server.LIVEKIT_API_SECRET })
    expect(server.LIVEKIT_API_SECRET.length).toBeGreaterThanOrEqual(32)
    expect(livekit.webhook).toEqual({ api_key: server.LIVEKIT_API_KEY, urls: ["http://medusa-server:9000/hooks/livekit"] })
    expect(new URL(server.LIVEKIT_PUBLIC_URL).hostname).toBe("localhost")
    for (const [name, variable] of [["livekit-egress", "EGRESS_CONFIG_BODY"], ["livekit-ingress", "INGRESS_CONFIG_BODY"]]) {
      const worker = parse(services[name].environment![variable])
      expect([name, worker.api_key, worker.api_secret, worker.ws_url, worker.redis.address]).toEqual([
        name,
        server.LIVEKIT_API_KEY,
        server.LIVEKIT_API_SECRET,
        "ws://livekit:7880",
        livekit.redis.address,
      ])
    }
    // The bucket MinIO setup creates is the one Medusa writes to.
    expect(services["minio-setup"].command ?? JSON.stringify(services["minio-setup"])).toContain(
      `local/${server.S3_BUCKET}`
    )
  })

  it("should leave Stripe off unless the shell sets it, and then give it to the server and the worker", () => {
    for (const name of ["medusa-server", "medusa-worker"]) {
      expect(services[name].environment!.STRIPE_API_KEY).toBe("")
    }
    const withStripe = execFileSync("docker-compose", ["-f", "docker-compose.yml", "config"], {
      cwd: ROOT,
      env: { ...process.env, STRIPE_API_KEY: "sk_test_compose", STRIPE_WEBHOOK_SECRET: "whsec_compose" },
    }).toString()
    const stack = parse(withStripe).services as Record<string, Service>
    for (const name of ["medusa-server", "medusa-worker"]) {
      // The worker runs the webhook subscriber and the settlement job that charges saved cards.
      expect(stack[name].environment).toMatchObject({ STRIPE_API_KEY: "sk_test_compose", STRIPE_WEBHOOK_SECRET: "whsec_compose" })
    }
  })
})
