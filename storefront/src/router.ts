import { useEffect, useState } from "react"

/** The page's routes, in the URL's hash so any static server can serve the page. */
export type Route = { page: "shows" } | { page: "show"; id: string } | { page: "pay"; auctionId: string }

export function parseRoute(hash: string): Route {
  const [, page, id] = hash.replace(/^#/, "").split("/")
  if (page === "shows" && id) {
    return { page: "show", id: decodeURIComponent(id) }
  }
  if (page === "pay" && id) {
    return { page: "pay", auctionId: decodeURIComponent(id) }
  }
  return { page: "shows" }
}

export const showHref = (id: string) => `#/shows/${encodeURIComponent(id)}`
export const payHref = (auctionId: string) => `#/pay/${encodeURIComponent(auctionId)}`

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash))
    window.addEventListener("hashchange", onChange)
    return () => window.removeEventListener("hashchange", onChange)
  }, [])
  return route
}
