import type {
  StoreAuction,
  StoreAuctionResponse,
  StoreBidListResponse,
  StoreShowResponse,
} from "medusa-plugin-live-commerce/store"
import type { ServerToClientEvents } from "medusa-plugin-live-commerce/realtime/contract"
import { rooms } from "medusa-plugin-live-commerce/realtime/contract/rooms"
import { useCallback, useEffect, useReducer, useRef, useState } from "react"
import { BidControls } from "../components/BidControls"
import { BidFeed } from "../components/BidFeed"
import { ChatPanel } from "../components/ChatPanel"
import { LotPanel } from "../components/LotPanel"
import { ProblemLine } from "../components/ProblemLine"
import { ShowVideo } from "../components/ShowVideo"
import { followRoom, listen } from "../live"
import { toProblem, type Problem } from "../medusa"
import { useSession } from "../session"
import { emptyStage, lotOnScreen, stageReducer, type LotView } from "../stage"

/** The lot's own fields plus its product's picture. */
const LOT_FIELDS = "+product_variant.product.thumbnail,+product_variant.product.title"

/**
 * One show: its video, the lot on screen (the live one; a newly started lot replaces it), the
 * bid controls and the live feed. Everything moves with the `show:<id>` room's events; HTTP
 * only loads snapshots (on entering, after a gap too old to replay, on a lot change).
 */
export function ShowPage({ showId }: { showId: string }) {
  const { sdk, socket, live, customer, clockOffset } = useSession()
  const [stage, dispatch] = useReducer(stageReducer, emptyStage)
  const [problem, setProblem] = useState<Problem | null>(null)
  // Joins of the show's room: the chat catches up after each (its messages are not replayed).
  const [roomJoins, setRoomJoins] = useState(0)
  const lotId = useRef<string | null>(null)
  const statusRef = useRef<string | null>(null)
  statusRef.current = stage.show?.status ?? null

  const loadLot = useCallback(
    async (id: string) => {
      lotId.current = id
      const [{ auction }, { bids }] = await Promise.all([
        sdk.client.fetch<StoreAuctionResponse & { auction: { product_variant?: { product?: { thumbnail?: string | null } } | null } }>(
          `/store/auctions/${encodeURIComponent(id)}`,
          { query: { fields: LOT_FIELDS } }
        ),
        sdk.client.fetch<StoreBidListResponse>(`/store/auctions/${encodeURIComponent(id)}/bids`, { query: { limit: 20 } }),
      ])
      if (lotId.current !== id) {
        return // another lot came on screen meanwhile
      }
      const lot: LotView = {
        ...auction,
        image: auction.product_variant?.product?.thumbnail ?? null,
        my_handle: auction.you_lead ? auction.leader : null,
      }
      dispatch({ type: "lot", lot, bids })
    },
    [sdk]
  )

  const loadShow = useCallback(async () => {
    try {
      const { show } = await sdk.client.fetch<StoreShowResponse>(`/store/shows/${encodeURIComponent(showId)}`)
      dispatch({ type: "show", show })
      const onScreen: StoreAuction | null = lotOnScreen(show.auctions)
      if (onScreen) {
        await loadLot(onScreen.id)
      }
    } catch (err) {
      setProblem(toProblem(err))
    }
  }, [sdk, showId, loadLot])

  const switchLot = useCallback((id: string) => void loadLot(id).catch((err: unknown) => setProblem(toProblem(err))), [loadLot])

  // The show's room: every lot event of the show, in order, replayed after a reconnect.
  useEffect(() => {
    const room = rooms.show(showId)
    const follower = followRoom(socket, room, {
      onSnapshot: () => void loadShow(),
      onJoined: () => setRoomJoins((n) => n + 1),
      onError: (error) => setProblem(error),
    })
    const increments = live.auctions.increments
    const handlers: Partial<ServerToClientEvents> = {
      "bid:placed": (event) => follower.accept(event) && dispatch({ type: "bid_placed", event, increments }),
      "auction:started": (event) => {
        if (follower.accept(event)) {
          if (event.auction_id !== lotId.current) {
            switchLot(event.auction_id)
          } else {
            dispatch({ type: "started", event })
          }
        }
      },
      "auction:extended": (event) => follower.accept(event) && dispatch({ type: "extended", event }),
      "auction:closed": (event) => follower.accept(event) && dispatch({ type: "closed", event }),
      "auction:cancelled": (event) => follower.accept(event) && event.auction_id === lotId.current && switchLot(event.auction_id),
      "auction:rerun": (event) => follower.accept(event) && event.auction_id === lotId.current && switchLot(event.auction_id),
      "show:viewers": (event) => event.room === room && dispatch({ type: "viewers", viewers: event.viewers }),
      "show:status": (event) => {
        if (event.room !== room) {
          return
        }
        const { status, publisher_status, recording_url } = event
        dispatch({ type: "show_status", status, publisher_status, recording_url })
        // Going live (or ending) changes more than the status, e.g. the show's LiveKit room: read it again.
        if (event.status !== statusRef.current) {
          void loadShow()
        }
      },
    }
    const off = listen(socket, handlers)
    return () => {
      follower.stop()
      off()
    }
  }, [socket, showId, live, loadShow, switchLot])

  // Logging in or out changes what the lot says about you (`you_lead`, `your_max`).
  useEffect(() => {
    if (lotId.current) {
      switchLot(lotId.current)
    }
  }, [customer?.id, switchLot])

  const { show, lot } = stage
  if (!show) {
    return problem ? <ProblemLine problem={problem} /> : <p>Loading the show…</p>
  }
  return (
    <article className="show">
      <h1>
        {show.title} {show.status === "live" && <span className="badge live">LIVE</span>}
        {stage.viewers !== null && <span className="muted viewers">{stage.viewers} watching</span>}
      </h1>
      <div className="show-layout">
        <div className="show-stage">
          <ShowVideo show={show} />
          <ProblemLine problem={problem} />
          {lot ? (
            <>
              <LotPanel lot={lot} flash={stage.flash} clockOffset={clockOffset} />
              <BidControls lot={lot} onState={(auction, mine) => dispatch({ type: "lot_state", auction, mine })} />
            </>
          ) : (
            <p className="muted">
              {show.status === "ended" || show.status === "cancelled" ? "This show is over." : "The next lot appears here when the seller starts it."}
            </p>
          )}
        </div>
        <ChatPanel showId={show.id} showStatus={show.status} roomJoins={roomJoins} />
        {lot && (
          <div className="show-bids">
            <BidFeed feed={stage.feed} currency={lot.currency_code} />
          </div>
        )}
      </div>
    </article>
  )
}
