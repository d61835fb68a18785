/** A refusal from the server, with its machine `code` (e.g. `show_not_live`) when it sent one. */
export class LiveApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string
  ) {
    super(message)
  }
}

type Init = { method?: "GET" | "POST" | "DELETE"; body?: unknown; query?: Record<string, string | number | string[] | undefined> }

const base = () => (__BACKEND_URL__ || "").replace(/\/$/, "")

/**
 * The plugin's Admin routes, with the Admin's session cookie. Not `sdk.client.fetch`: its
 * FetchError keeps only the message, and the console shows the refusal's `code` too.
 */
export async function liveFetch<T>(path: string, init: Init = {}): Promise<T> {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(init.query ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined && one !== "") {
        query.append(key, String(one))
      }
    }
  }
  const qs = query.toString()
  const res = await fetch(`${base()}${path}${qs ? `?${qs}` : ""}`, {
    method: init.method ?? "GET",
    credentials: "include",
    headers: { accept: "application/json", ...(init.body !== undefined ? { "content-type": "application/json" } : {}) },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) {
    const { message, code, type } = data as { message?: string; code?: string; type?: string }
    throw new LiveApiError(message || res.statusText || `HTTP ${res.status}`, res.status, code ?? type)
  }
  return data as T
}

/** "code: message" for a toast, or the message alone when the server sent no code. */
export function describeError(err: unknown): string {
  if (err instanceof LiveApiError) {
    return err.code ? `${err.code}: ${err.message}` : err.message
  }
  return err instanceof Error ? err.message : String(err)
}
