/** The shop the load runs in, set up over real HTTP as staff and storefront would. */
import { DEMO_ADMIN } from "../../scripts/seed/demo-data"

export type Headers = Record<string, string>
export type Answer = { status: number; data: any }

/**
 * One HTTP call. Resolves with any HTTP answer (4xx and 5xx included); rejects only when none
 * came (refused, reset, timed out), which is when a storefront cannot know what happened and retries.
 */
export async function call(
  base: string,
  path: string,
  init: { method?: string; headers?: Headers; body?: unknown; timeoutMs?: number } = {}
): Promise<Answer> {
  const res = await fetch(base + path, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json", ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(init.timeoutMs ?? 5000),
  })
  return { status: res.status, data: await res.json().catch(() => ({})) }
}

/** Like `call`, but a non-2xx answer is an error too (setup steps that must succeed). */
export async function must(base: string, path: string, init: Parameters<typeof call>[2] = {}): Promise<any> {
  const answer = await call(base, path, init)
  if (answer.status >= 300) {
    throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.data).slice(0, 300)}`)
  }
  return answer.data
}

export type Shop = { admin: Headers; bidders: Headers[]; showId: string }

/** Logs in as the seeded admin, registers `bidderCount` customers, and takes a show live. */
export async function openShop(base: string, bidderCount: number): Promise<Shop> {
  const login = await must(base, "/auth/user/emailpass", { body: DEMO_ADMIN })
  const admin = { authorization: `Bearer ${login.token}` }
  const keys = await must(base, "/admin/api-keys?type=publishable&limit=1", { headers: admin })
  const store = { "x-publishable-api-key": keys.api_keys[0].token as string }

  const bidders: Headers[] = []
  for (let i = 0; i < bidderCount; i++) {
    const account = { email: `faults-${Date.now().toString(36)}-${i}@faults.local`, password: "faults-password" }
    const registered = await must(base, "/auth/customer/emailpass/register", { body: account })
    await must(base, "/store/customers", { headers: { ...store, authorization: `Bearer ${registered.token}` }, body: { email: account.email } })
    // A fresh login: the registration token does not name the customer yet.
    const { token } = await must(base, "/auth/customer/emailpass", { body: account })
    bidders.push({ ...store, authorization: `Bearer ${token}` })
  }

  const { show } = await must(base, "/admin/shows", { headers: admin, body: { title: "Fault injection (issue #11)" } })
  await must(base, `/admin/shows/${show.id}/go-live`, { headers: admin, body: {} })
  return { admin, bidders, showId: show.id }
}
