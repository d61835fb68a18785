import type { StoreShow, StoreShowListResponse } from "medusa-plugin-live-commerce/store"
import { useEffect, useState } from "react"
import { ProblemLine } from "../components/ProblemLine"
import { toProblem, type Problem } from "../medusa"
import { showHref } from "../router"
import { useSession } from "../session"
import { withReplay } from "../video"

/** Shows that are live now, then the upcoming ones, then past shows with a replay. */
export function ShowList() {
  const { sdk } = useSession()
  const [shows, setShows] = useState<StoreShow[] | null>(null)
  const [replays, setReplays] = useState<StoreShow[]>([])
  const [problem, setProblem] = useState<Problem | null>(null)

  useEffect(() => {
    sdk.client
      .fetch<StoreShowListResponse>("/store/shows", { query: { status: ["live", "scheduled"], limit: 50 } })
      .then((r) => setShows(r.shows))
      .catch((err: unknown) => setProblem(toProblem(err)))
    // Past shows are a bonus: the page works without them. Latest first.
    sdk.client
      .fetch<StoreShowListResponse>("/store/shows", { query: { status: ["ended"], order: "-ended_at", limit: 50 } })
      .then((r) => setReplays(withReplay(r.shows)))
      .catch(() => setReplays([]))
  }, [sdk])

  if (problem) {
    return <ProblemLine problem={problem} />
  }
  if (!shows) {
    return <p>Loading shows…</p>
  }
  const live = shows.filter((s) => s.status === "live")
  const upcoming = shows.filter((s) => s.status === "scheduled")
  return (
    <>
      <section aria-labelledby="live-now">
        <h1 id="live-now">Live now</h1>
        {live.length ? <ShowCards shows={live} /> : <p className="muted">No show is live right now.</p>}
      </section>
      <section aria-labelledby="upcoming">
        <h2 id="upcoming">Upcoming</h2>
        {upcoming.length ? <ShowCards shows={upcoming} /> : <p className="muted">Nothing scheduled yet.</p>}
      </section>
      {replays.length > 0 && (
        <section aria-labelledby="replays">
          <h2 id="replays">Replays</h2>
          <ShowCards shows={replays} />
        </section>
      )}
    </>
  )
}

function ShowCards({ shows }: { shows: StoreShow[] }) {
  return (
    <ul className="cards">
      {shows.map((show) => (
        <li key={show.id}>
          <a href={showHref(show.id)} className="card">
            {show.thumbnail && <img src={show.thumbnail} alt="" width={96} height={96} loading="lazy" />}
            <span>
              <strong>{show.title}</strong>
              <br />
              {show.status === "live" ? (
                <span className="badge live">LIVE</span>
              ) : show.status === "ended" ? (
                <span className="muted">Replay{show.ended_at ? ` · ${new Date(show.ended_at).toLocaleDateString()}` : ""}</span>
              ) : (
                <span className="muted">{show.scheduled_at ? new Date(show.scheduled_at).toLocaleString() : "Soon"}</span>
              )}
            </span>
          </a>
        </li>
      ))}
    </ul>
  )
}
