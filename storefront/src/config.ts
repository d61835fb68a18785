/**
 * What the page needs to know about the stack, written by `npm start` as `/config.json`
 * (a storefront of your own would read these from its build environment instead). The realtime
 * sidecar's URL is not here: the page asks the backend for it (`GET /store/live/config`).
 */
export type ViewerConfig = {
  /** The Medusa backend, e.g. http://localhost:9000 */
  backend_url: string
  /** A publishable API key of a sales channel (every /store request carries it). */
  publishable_key: string
  /** The demo shop's customer, offered on the login form (npm start only). */
  demo_customer?: { email: string; password: string }
}

export async function loadViewerConfig(): Promise<ViewerConfig> {
  const res = await fetch("/config.json", { cache: "no-store" })
  if (!res.ok) {
    throw new Error(`/config.json answered ${res.status}`)
  }
  return (await res.json()) as ViewerConfig
}
