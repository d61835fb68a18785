import { useQueryClient } from "@tanstack/react-query"
import { useEffect, useMemo, useRef, useState } from "react"
import type { ChatMessage } from "../../realtime/contract/chat"
import type { LiveChatSource } from "../lib/realtime"
import { chatKeys, fetchChatSince, useChatHistory, type ChatSnapshot } from "./chat"

export type ChatFeed = {
  /** Oldest first, deleted ones gone. */
  messages: ChatMessage[]
  loadOlder: () => void
  hasOlder: boolean
  loadingOlder: boolean
  loading: boolean
  error: unknown
  /** Takes a message out at once (a delete that succeeded; the `chat:deleted` event may be later). */
  drop: (messageId: string) => void
}

/**
 * The show's chat as the console shows it: pages of history over HTTP, live messages from the
 * show's room, and after every (re)join of that room what came since (`?after_seq=`) and what was
 * deleted meanwhile (`&deleted_since=`), since chat events carry no room seq to replay from. Pins, answers and slow mode update the snapshot.
 */
export function useChatFeed(showId: string, live: LiveChatSource): ChatFeed {
  const client = useQueryClient()
  const history = useChatHistory(showId)
  const [arrived, setArrived] = useState<Map<string, ChatMessage>>(() => new Map())
  const [gone, setGone] = useState<Set<string>>(() => new Set())

  const add = (list: ChatMessage[]) =>
    setArrived((prev) => {
      const next = new Map(prev)
      list.forEach((m) => next.set(m.id, m))
      return next
    })
  const drop = (id: string) => setGone((prev) => new Set(prev).add(id))

  const messages = useMemo(() => {
    const byId = new Map<string, ChatMessage>()
    for (const page of history.data?.pages ?? []) {
      page.messages.forEach((m) => byId.set(m.id, m))
    }
    // Live copies are newer (an answered question): they win over the page's.
    arrived.forEach((m) => byId.set(m.id, m))
    return [...byId.values()].filter((m) => !gone.has(m.id)).sort((a, b) => a.seq - b.seq)
  }, [history.data, arrived, gone])

  const maxSeq = useRef(0)
  maxSeq.current = Math.max(messages.at(-1)?.seq ?? 0, history.data?.pages[0]?.last_seq ?? 0)
  // The server's clock at the last read: deletions after it are asked for on the next catch-up.
  const syncedAt = useRef<string | null>(null)
  syncedAt.current ??= history.data?.pages[0]?.server_time ?? null

  useEffect(
    () =>
      live.subscribe(({ event, payload }) => {
        const patchSnapshot = (patch: (chat: ChatSnapshot) => ChatSnapshot) =>
          client.setQueryData<{ chat: ChatSnapshot; server_time: string }>(chatKeys.snapshot(showId), (old) =>
            old ? { ...old, chat: patch(old.chat) } : old
          )
        if (event === "chat:message") {
          add([payload.message])
          if (payload.message.kind === "question") {
            client.invalidateQueries({ queryKey: chatKeys.snapshot(showId) })
          }
        } else if (event === "chat:deleted") {
          drop(payload.message_id)
          client.invalidateQueries({ queryKey: chatKeys.show(showId) })
        } else if (event === "chat:pinned") {
          patchSnapshot((chat) => ({ ...chat, pinned: payload.message }))
          client.invalidateQueries({ queryKey: chatKeys.log(showId) })
        } else if (event === "chat:question_answered") {
          add([payload.message])
          client.invalidateQueries({ queryKey: chatKeys.show(showId) })
        } else if (event === "chat:slow_mode") {
          patchSnapshot((chat) => ({ ...chat, slow_mode_seconds: payload.slow_mode_seconds }))
          client.invalidateQueries({ queryKey: chatKeys.log(showId) })
        }
      }),
    [live.subscribe, showId]
  )

  // After each join of the show's room (the first included): what was said while we were away.
  useEffect(() => {
    if (!live.joins || !history.isSuccess) {
      return
    }
    let cancelled = false
    fetchChatSince(showId, maxSeq.current, syncedAt.current ?? new Date(0).toISOString()).then(
      (since) => {
        if (!cancelled) {
          syncedAt.current = since.server_time
          add(since.messages)
          since.deleted.forEach(drop)
        }
      },
      () => undefined
    )
    return () => {
      cancelled = true
    }
  }, [live.joins, history.isSuccess, showId])

  return {
    messages,
    loadOlder: () => void history.fetchNextPage(),
    hasOlder: !!history.hasNextPage,
    loadingOlder: history.isFetchingNextPage,
    loading: history.isLoading,
    error: history.error,
    drop,
  }
}
