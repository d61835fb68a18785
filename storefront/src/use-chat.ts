import type { ChatMessage } from "medusa-plugin-live-commerce/realtime/contract"
import { rooms } from "medusa-plugin-live-commerce/realtime/contract/rooms"
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react"
import { chatReducer, emptyChat, followSeq } from "./chat"
import { chatApi, isTransient } from "./chat-api"
import { listen } from "./live"
import { newIdempotencyKey, toProblem, type Problem } from "./medusa"
import { useSession } from "./session"

/** Deletions are asked for from a little before the last sync, in case two servers' clocks differ. */
const CLOCK_MARGIN_MS = 2000

/**
 * One show's chat: loaded over HTTP, followed live in `show:<id>` (and, for mutes and removals,
 * the viewer's `user:<id>`, which the Notices component keeps joined), caught up after every
 * (re)join of the show's room: `roomJoins` counts them.
 */
export function useChat(showId: string, roomJoins: number) {
  const { sdk, config, socket, customer, clockOffset } = useSession()
  const api = useMemo(() => chatApi(sdk, config, showId), [sdk, config, showId])
  const [state, dispatch] = useReducer(chatReducer, emptyChat)
  const [problem, setProblem] = useState<Problem | null>(null)
  const stateRef = useRef(state)
  stateRef.current = state
  /** Set by the feed: whether the reader follows the newest messages (then the feed is trimmed). */
  const followingRef = useRef(true)

  /** Every message up to this seq is in hand (see `followSeq`); null until the first load. */
  const knownSeq = useRef<number | null>(null)
  const knowUpTo = (seq: number) => {
    knownSeq.current = Math.max(knownSeq.current ?? 0, seq)
  }

  // One sync at a time; a join or a missed message during one asks for another pass once it is done.
  const syncing = useRef(false)
  const syncAgain = useRef(false)
  const sync = useCallback(async () => {
    if (syncing.current) {
      syncAgain.current = true
      return
    }
    syncing.current = true
    do {
      syncAgain.current = false
      try {
        const { chat, server_time } = await api.snapshot()
        dispatch({ type: "snapshot", chat, server_time })
        const current = stateRef.current
        const after = knownSeq.current
        const caughtUp =
          after !== null
            ? await api.since(after, current.syncedAt && new Date(Date.parse(current.syncedAt) - CLOCK_MARGIN_MS).toISOString())
            : null
        if (caughtUp && caughtUp.next_cursor === null) {
          dispatch({ type: "caught_up", messages: caughtUp.messages, deleted: caughtUp.deleted, server_time: caughtUp.server_time ?? server_time })
          knowUpTo(caughtUp.last_seq)
        } else {
          // First load, or too much missed to splice in: start again from the newest page.
          const page = await api.page()
          dispatch({ type: "latest", messages: page.messages, next_cursor: page.next_cursor, server_time: page.server_time ?? server_time })
          knowUpTo(page.last_seq)
        }
        setProblem(null)
      } catch (err) {
        setProblem(toProblem(err))
      }
    } while (syncAgain.current)
    syncing.current = false
  }, [api])

  // On entering, on logging in or out (`you` changes), and after every (re)join of the show's room.
  useEffect(() => {
    void sync()
  }, [sync, roomJoins, customer?.id])

  useEffect(() => {
    const room = rooms.show(showId)
    const mine = customer ? rooms.user(customer.id) : null
    return listen(socket, {
      "chat:message": (e) => {
        if (e.room !== room) {
          return
        }
        dispatch({ type: "message", message: e.message, trim: followingRef.current })
        const followed = followSeq(knownSeq.current, e.message.seq)
        knownSeq.current = followed.known
        if (followed.missed) {
          void sync()
        }
      },
      "chat:deleted": (e) => e.room === room && dispatch({ type: "deleted", message_id: e.message_id }),
      "chat:pinned": (e) => e.room === room && dispatch({ type: "pinned", message: e.message }),
      "chat:question_answered": (e) => e.room === room && dispatch({ type: "answered", message: e.message }),
      "chat:slow_mode": (e) => e.room === room && dispatch({ type: "slow_mode", seconds: e.slow_mode_seconds }),
      "chat:muted": (e) => e.room === mine && e.show_id === showId && dispatch({ type: "muted", until: Date.parse(e.until) }),
      "chat:removed": (e) => e.room === mine && e.show_id === showId && dispatch({ type: "removed", reason: e.reason }),
      // A restriction lifted: another may still hold, so the standing is read again rather than guessed.
      "chat:restored": (e) => e.room === mine && e.show_id === showId && void sync(),
    })
  }, [socket, showId, customer, sync])

  const loadingOlder = useRef(false)
  const loadOlder = useCallback(async () => {
    const cursor = stateRef.current.olderCursor
    if (!cursor || loadingOlder.current) {
      return
    }
    loadingOlder.current = true
    try {
      const page = await api.page(cursor)
      dispatch({ type: "history", messages: page.messages, next_cursor: page.next_cursor })
    } catch (err) {
      setProblem(toProblem(err))
    } finally {
      loadingOlder.current = false
    }
  }, [api])

  // One key per message the viewer sends, reused while retrying that same message.
  const draft = useRef<{ key: string; text: string; kind: string } | null>(null)
  const send = useCallback(
    async (text: string, kind: "message" | "question"): Promise<boolean> => {
      const same = draft.current && draft.current.text === text && draft.current.kind === kind
      const key = same && draft.current ? draft.current.key : newIdempotencyKey()
      draft.current = { key, text, kind }
      const result = await api.send({ text, kind, idempotency_key: key })
      const now = Date.now() + clockOffset
      if (result.ok) {
        draft.current = null
        dispatch({ type: "sent", message: result.message, now })
        return true
      }
      if (!isTransient(result.status)) {
        draft.current = null // a refusal is final: sending it again is a new message
        dispatch({ type: "refused", refusal: result.error, now })
      } else {
        const message = "the connection failed. Send again: it will not be posted twice."
        dispatch({ type: "refused", refusal: { code: "chat_not_sent", message }, now })
      }
      return false
    },
    [api, clockOffset]
  )

  const moderate = useMemo(() => {
    const run = async (call: () => Promise<{ ok: true; data: unknown } | { ok: false; error: Problem }>) => {
      const answer = await call()
      if (!answer.ok) {
        setProblem(answer.error)
        return
      }
      // The room's event follows; the answer shows it to the moderator at once.
      const data = answer.data as { id?: string; deleted?: boolean; message?: ChatMessage }
      if (data.deleted && data.id) {
        dispatch({ type: "deleted", message_id: data.id })
      } else if (data.message?.kind === "question") {
        dispatch({ type: "answered", message: data.message })
      }
    }
    return {
      delete: (id: string) => run(() => api.deleteMessage(id)),
      answer: (id: string, text: string) => run(() => api.answer(id, text)),
      dismiss: (id: string) => run(() => api.dismiss(id)),
    }
  }, [api])

  return { state, dispatch, problem, followingRef, loadOlder, send, moderate }
}
