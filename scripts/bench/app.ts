/** The running app (`npm start`) as benchmarks use it: real HTTP, the demo admin, fresh customers. */
import { DEMO_ADMIN } from "../seed/demo-data"

const env = process.env
export const BASE = env.BENCH_URL || "http://localhost:9000"

export type Json = Record<string, any>

export async function http(path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  const res = await fetch(BASE + path, {
    method: init.method ?? "GET",
    headers: { "content-type": "application/json", ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  return { status: res.status, data: (await res.json().catch(() => ({}))) as Json }
}

/** Logs in as the demo admin and registers `count` customers through the Store API. */
export async function setup(count: number) {
  const login = await http("/auth/user/emailpass", {
    method: "POST",
    body: { email: env.BENCH_ADMIN_EMAIL || DEMO_ADMIN.email, password: env.BENCH_ADMIN_PASSWORD || DEMO_ADMIN.password },
  })
  if (!login.data.token) {
    throw new Error(`cannot log in as the admin at ${BASE} (is \`npm start\` running?): ${JSON.stringify(login.data)}`)
  }
  const admin = { authorization: `Bearer ${login.data.token}` }
  const keys = await http("/admin/api-keys?type=publishable&limit=1", { headers: admin })
  const pk = { "x-publishable-api-key": keys.data.api_keys[0].token as string }

  const run = Date.now().toString(36)
  const bidders: Record<string, string>[] = []
  for (let i = 0; i < count; i++) {
    const email = `bench-${run}-${i}@bench.local`
    const reg = await http("/auth/customer/emailpass/register", { method: "POST", body: { email, password: "bench-password" } })
    await http("/store/customers", { method: "POST", headers: { ...pk, authorization: `Bearer ${reg.data.token}` }, body: { email } })
    const auth = await http("/auth/customer/emailpass", { method: "POST", body: { email, password: "bench-password" } })
    bidders.push({ ...pk, authorization: `Bearer ${auth.data.token}` })
  }
  return { admin, pk, bidders }
}

/** A live lot that runs for an hour, without soft close. */
export async function createHotLot(admin: Record<string, string>, title: string) {
  const created = await http("/admin/auctions", {
    method: "POST",
    headers: admin,
    body: { title, currency_code: "usd", starting_price: 1, duration_seconds: 3600, soft_close_seconds: 0 },
  })
  await http(`/admin/auctions/${created.data.auction.id}/start`, { method: "POST", headers: admin, body: {} })
  return created.data.auction.id as string
}

/** A live sudden-death lot ending `seconds` after its start (no extension can move its end). */
export async function createClosingLot(admin: Record<string, string>, title: string, seconds: number) {
  const created = await http("/admin/auctions", {
    method: "POST",
    headers: admin,
    body: { title, currency_code: "usd", starting_price: 1, duration_seconds: seconds, soft_close_seconds: 0, sudden_death: true },
  })
  const started = await http(`/admin/auctions/${created.data.auction.id}/start`, { method: "POST", headers: admin, body: {} })
  return { id: created.data.auction.id as string, endsAt: Date.parse(started.data.auction.ends_at) }
}
