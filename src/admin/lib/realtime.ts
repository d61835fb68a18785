import { useQueryClient } from "@tanstack/react-query"
import { useCallback, useEffect, useRef, useState } from "react"
import { io, type Socket } from "socket.io-client"
import type { ChatEventPayloads } from "../../realtime/contract/chat"
import type { ClientToServerEvents, ServerToClientEvents } from "../../realtime/contract/events"
import { rooms } from "../../realtime/contract/rooms"
import { fetchRealtimeToken, liveKeys } from "../hooks/live"

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** One line of the console's bid feed. */
export type FeedBid = { bid_id: string; auction_id: string; bidder: string; outcome: string; price: number; at: string }

/** What the sidecar last said about a lot (newer than the HTTP read while it runs). */
export type LiveLotState = {
  auction_id: string
  seq: number
  price?: number
  bid_count?: number
  leader?: string
  ends_at?: string | null
  status?: string
}

/** The chat events of the show's room the console follows (issue #16). */
export const CONSOLE_CHAT_EVENTS = ["chat:message", "chat:deleted", "chat:pinned", "chat:question_answered", "chat:slow_mode"] as const
export type ConsoleChatEvent = {
  [E in (typeof CONSOLE_CHAT_EVENTS)[number]]: { event: E; payload: ChatEventPayloads[E] }
}[(typeof CONSOLE_CHAT_EVENTS)[number]]

/** The show's chat as it arrives: subscribe to its events; `joins` counts joins of its room (catch up after each). */
export type LiveChatSource = {
  subscribe: (listener: (e: ConsoleChatEvent) => void) => () => void
  joins: number
}

export type LiveConsole = {
  connected: boolean
  /** Server clock minus ours, in ms (from `time:sync`): countdowns use Date.now() + offset. */
  offsetMs: number
  viewers: number | null
  feed: FeedBid[]
  lots: Record<string, LiveLotState>
  error: string | null
  /** Joins of the show's room so far (a rejoin after a reconnect may have missed chat). */
  chatJoins: number
}

/**
 * The seller's console over the sidecar: a token from `POST /admin/live/realtime-token`, the
 * rooms `seller:<the show's seller>` (viewer counts and show status) and the running lot's
 * `auction:<id>` (bids, extensions, the hammer), and the server clock from `time:sync`.
 *
 * And `show:<id>` for the chat (issue #16): the sidecar does not count an admin user's socket as a
 * viewer. Chat events carry no room seq: after each join the panel catches up over HTTP
 * (`?after_seq=`), and listeners get them through `chat.subscribe`. The running lot's room is joined with the `seq` of the HTTP read, so whatever happened
 * between that read and the join is replayed; a rejoin after a reconnect sends the last seq seen
 * (or the HTTP reads are refreshed when the sidecar says a snapshot is due).
 */
export function useLiveConsole({
  sellerId,
  showId,
  auction,
}: {
  sellerId?: string
  showId: string
  /** The running lot as last read over HTTP. */
  auction?: { id: string; seq: number } | null
}): LiveConsole & { chat: LiveChatSource } {
  const client = useQueryClient()
  const socketRef = useRef<LiveSocket | null>(null)
  /** The last seq seen per room: a rejoin (after a reconnect) asks the sidecar to replay what came after. */
  const lastSeq = useRef(new Map<string, number>())
  const [state, setState] = useState<LiveConsole>({
    connected: false,
    offsetMs: 0,
    viewers: null,
    feed: [],
    lots: {},
    error: null,
    chatJoins: 0,
  })
  const chatListeners = useRef(new Set<(e: ConsoleChatEvent) => void>())
  const subscribe = useCallback((listener: (e: ConsoleChatEvent) => void) => {
    chatListeners.current.add(listener)
    return () => {
      chatListeners.current.delete(listener)
    }
  }, [])

  const join = (socket: LiveSocket, room: string, onJoined?: () => void) => {
    const last = lastSeq.current.get(room)
    socket.emit("room:join", last === undefined ? { room } : { room, last_seq: last }, (ack) => {
      if (ack.ok) {
        onJoined?.()
      }
      if (ack.ok && ack.data.snapshot_required) {
        // Past the sidecar's buffer: read the state over HTTP again.
        client.invalidateQueries({ queryKey: liveKeys.all })
      } else if (!ack.ok) {
        setState((s) => ({ ...s, error: `${ack.error.code}: ${ack.error.message}` }))
      }
    })
  }

  useEffect(() => {
    if (!sellerId) {
      return
    }
    let cancelled = false
    let socket: LiveSocket | null = null
    fetchRealtimeToken()
      .then((first) => {
        if (cancelled) {
          return
        }
        let fresh: string | null = first.token
        socket = io(first.realtime_url, {
          transports: ["websocket"],
          // A reconnect asks for a new token: the first one may have expired meanwhile.
          auth: (cb) => {
            if (fresh) {
              cb({ token: fresh })
              fresh = null
              return
            }
            fetchRealtimeToken().then(
              (t) => cb({ token: t.token }),
              () => cb({})
            )
          },
        }) as LiveSocket
        socketRef.current = socket
        const refresh = () => client.invalidateQueries({ queryKey: liveKeys.all })
        const seen = (e: { room: string; seq: number }) =>
          lastSeq.current.set(e.room, Math.max(e.seq, lastSeq.current.get(e.room) ?? 0))
        const lot = (id: string, patch: Omit<LiveLotState, "auction_id">) =>
          setState((s) => {
            const prev = s.lots[id]
            if (prev && prev.seq > patch.seq) {
              return s
            }
            return { ...s, lots: { ...s.lots, [id]: { ...prev, ...patch, auction_id: id } } }
          })

        socket.on("connect", () => {
          const sentAt = Date.now()
          socket!.emit("time:sync", (ack) => {
            if (ack.ok) {
              const now = Date.now()
              const offsetMs = ack.data.server_time + (now - sentAt) / 2 - now
              setState((s) => ({ ...s, offsetMs }))
            }
          })
          setState((s) => ({ ...s, connected: true, error: null }))
          join(socket!, rooms.seller(sellerId))
          join(socket!, rooms.show(showId), () => setState((s) => ({ ...s, chatJoins: s.chatJoins + 1 })))
          refresh()
        })
        socket.on("disconnect", () => setState((s) => ({ ...s, connected: false })))
        socket.on("connect_error", (err) => setState((s) => ({ ...s, connected: false, error: err.message })))
        socket.on("bid:placed", (e) => {
          seen(e)
          lot(e.auction_id, { seq: e.auction_seq, price: e.price, bid_count: e.bid_count, leader: e.leader, ends_at: e.ends_at })
          setState((s) =>
            s.feed.some((b) => b.bid_id === e.bid_id)
              ? s
              : {
                  ...s,
                  feed: [
                    { bid_id: e.bid_id, auction_id: e.auction_id, bidder: e.bidder, outcome: e.outcome, price: e.price, at: e.server_time },
                    ...s.feed,
                  ].slice(0, 200),
                }
          )
        })
        socket.on("auction:started", (e) => {
          seen(e)
          lot(e.auction_id, { seq: e.auction_seq, ends_at: e.ends_at, status: "live" })
          refresh()
        })
        socket.on("auction:extended", (e) => {
          seen(e)
          lot(e.auction_id, { seq: e.auction_seq, ends_at: e.ends_at })
        })
        socket.on("auction:closed", (e) => {
          seen(e)
          lot(e.auction_id, { seq: e.auction_seq, status: e.status, price: e.hammer_price ?? undefined })
          refresh()
        })
        socket.on("auction:cancelled", (e) => {
          seen(e)
          lot(e.auction_id, { seq: e.auction_seq, status: "cancelled" })
          refresh()
        })
        socket.on("auction:rerun", (e) => {
          seen(e)
          refresh()
        })
        socket.on("show:viewers", (e) => {
          if (e.show_id === showId) {
            setState((s) => ({ ...s, viewers: e.viewers }))
          }
        })
        for (const event of CONSOLE_CHAT_EVENTS) {
          socket.on(event, (payload: ChatEventPayloads[typeof event]) => {
            if (payload.show_id === showId) {
              chatListeners.current.forEach((listener) => listener({ event, payload } as ConsoleChatEvent))
            }
          })
        }
        socket.on("show:status", (e) => {
          if (e.show_id === showId) {
            refresh()
          }
        })
      })
      .catch((err: Error) => setState((s) => ({ ...s, error: err.message })))
    return () => {
      cancelled = true
      socket?.disconnect()
      socketRef.current = null
    }
  }, [sellerId, showId])

  // The running lot's own room, followed as the lineup moves on.
  const auctionId = auction?.id
  const httpSeq = useRef(0)
  httpSeq.current = auction?.seq ?? 0
  useEffect(() => {
    const socket = socketRef.current
    if (!auctionId || !socket || !state.connected) {
      return
    }
    const room = rooms.auction(auctionId)
    if (!lastSeq.current.has(room)) {
      lastSeq.current.set(room, httpSeq.current)
    }
    join(socket, room)
    return () => {
      socket.emit("room:leave", { room }, () => lastSeq.current.delete(room))
    }
  }, [auctionId, state.connected])

  return { ...state, chat: { subscribe, joins: state.chatJoins } }
}

/** Ticks every 250 ms with the server's clock. */
export function useServerNow(offsetMs: number): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs)
  useEffect(() => {
    setNow(Date.now() + offsetMs)
    const timer = setInterval(() => setNow(Date.now() + offsetMs), 250)
    return () => clearInterval(timer)
  }, [offsetMs])
  return now
}

export function formatRemaining(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`
}
