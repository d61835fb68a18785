import type Medusa from "@medusajs/js-sdk"
import type { HttpTypes } from "@medusajs/types"
import type { StoreLiveConfig, StoreLiveConfigResponse } from "medusa-plugin-live-commerce/store"
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react"
import type { ViewerConfig } from "./config"
import { connectLive, measureClockOffset, type LiveSocket } from "./live"
import { createSdk } from "./medusa"

export type Session = {
  config: ViewerConfig
  live: StoreLiveConfig
  sdk: Medusa
  /** The logged-in customer, or null for an anonymous viewer (who can watch but not bid). */
  customer: HttpTypes.StoreCustomer | null
  socket: LiveSocket
  /** Add to `Date.now()` to read the server's clock (countdowns use it). */
  clockOffset: number
  login: (email: string, password: string) => Promise<void>
  logout: () => Promise<void>
}

const SessionContext = createContext<Session | null>(null)

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) {
    throw new Error("useSession outside <SessionProvider>")
  }
  return session
}

/** Everything a page needs once: the SDK, the live config, the customer and one socket. */
export async function startSession(config: ViewerConfig) {
  const sdk = createSdk(config)
  const { config: live } = await sdk.client.fetch<StoreLiveConfigResponse>("/store/live/config")
  let customer: HttpTypes.StoreCustomer | null = null
  if (await sdk.client.getToken()) {
    customer = await sdk.store.customer
      .retrieve()
      .then((r) => r.customer)
      .catch(async () => {
        await sdk.client.clearToken()
        return null
      })
  }
  return { sdk, live, customer }
}

type Props = Awaited<ReturnType<typeof startSession>> & { config: ViewerConfig; children: ReactNode }

export function SessionProvider({ config, sdk, live, customer: initialCustomer, children }: Props) {
  const [customer, setCustomer] = useState(initialCustomer)
  const [socket, setSocket] = useState<LiveSocket | null>(null)
  // The live config's server time is a first guess; time:sync on the socket refines it.
  const [clockOffset, setClockOffset] = useState(() => Date.parse(live.server_time) - Date.now())
  const socketRef = useRef<LiveSocket | null>(null)

  // One socket per identity: anonymous, or with the customer's token (private room `user:<id>`).
  useEffect(() => {
    let cancelled = false
    void sdk.client.getToken().then((token) => {
      if (cancelled) {
        return
      }
      const s = connectLive(live, customer ? (token ?? null) : null)
      socketRef.current = s
      s.on("connect", () => {
        void measureClockOffset(s).then((offset) => offset !== null && !cancelled && setClockOffset(offset))
      })
      setSocket(s)
    })
    return () => {
      cancelled = true
      socketRef.current?.disconnect()
      socketRef.current = null
    }
  }, [sdk, live, customer?.id])

  const login = useCallback(
    async (email: string, password: string) => {
      const result = await sdk.auth.login("customer", "emailpass", { email, password })
      if (typeof result !== "string") {
        throw new Error("This login needs a redirect, which the viewer page does not support.")
      }
      const { customer } = await sdk.store.customer.retrieve()
      setCustomer(customer)
    },
    [sdk]
  )

  const logout = useCallback(async () => {
    await sdk.auth.logout().catch(() => sdk.client.clearToken())
    setCustomer(null)
  }, [sdk])

  const value = useMemo(
    () => (socket ? { config, live, sdk, customer, socket, clockOffset, login, logout } : null),
    [config, live, sdk, customer, socket, clockOffset, login, logout]
  )
  return value ? <SessionContext.Provider value={value}>{children}</SessionContext.Provider> : null
}
