import { lazy, Suspense } from "react"
import { Header } from "./components/Header"
import { Notices } from "./components/Notices"
import { ShowList } from "./pages/ShowList"
import { ShowPage } from "./pages/ShowPage"
import { useRoute } from "./router"

// Checkout is only for winners: it loads when needed, outside the first page's JavaScript.
const Checkout = lazy(() => import("./pages/Checkout"))

export function App() {
  const route = useRoute()
  return (
    <>
      <Header />
      <main className={route.page === "show" ? "page wide" : "page"}>
        <Notices />
        {route.page === "shows" && <ShowList />}
        {route.page === "show" && <ShowPage key={route.id} showId={route.id} />}
        {route.page === "pay" && (
          <Suspense fallback={<p>Loading checkout…</p>}>
            <Checkout auctionId={route.auctionId} />
          </Suspense>
        )}
      </main>
    </>
  )
}
