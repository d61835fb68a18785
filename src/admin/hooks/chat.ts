import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { ChatMessage } from "../../realtime/contract/chat"
import { liveFetch } from "../lib/api"
import { liveKeys } from "./live"

/** `GET /admin/shows/:id/chat`: what the chat is now (the Store route's shape). */
export type ChatSnapshot = {
  show_id: string
  last_seq: number
  slow_mode_seconds: number
  pinned: ChatMessage | null
  /** Open and answered, newest first. */
  questions: ChatMessage[]
}

export type ChatPage = {
  messages: ChatMessage[]
  next_cursor: string | null
  last_seq: number
  limit: number
  /** The server's clock before the read: the next catch-up's `deleted_since`. */
  server_time: string
  /** With `deleted_since`: the messages deleted since then. */
  deleted?: { message_id: string; seq: number }[]
}
export type ChatModerator = { customer_id: string; added_by: string; created_at: string }
export type BlockedWord = { id: string; show_id: string | null; word: string; created_at: string }
export type ChatLogEntry = {
  id: string
  actor: string
  /** The admin user's email or the moderator's name (`actor` if neither is known). */
  actor_name: string
  action: string
  target_customer_id: string | null
  target_customer_name: string | null
  target_message_id: string | null
  detail: unknown
  created_at: string
}
/** `GET …/chat/restrictions`: a viewer muted, removed from the show or blocked by its seller. */
export type ChatRestriction = {
  kind: "mute" | "removal" | "block"
  customer_id: string
  customer: { id: string; name: string; email: string | null } | null
  until: string | null
  created_by: string
  created_by_name: string
  created_at: string
}
export type CustomerSummary = { id: string; email: string; first_name: string | null; last_name: string | null }

/** Under `liveKeys.all`: a resync of the console (reconnect, snapshot due) refreshes the chat too. */
export const chatKeys = {
  show: (showId: string) => [...liveKeys.all, "chat", showId] as const,
  snapshot: (showId: string) => [...chatKeys.show(showId), "snapshot"] as const,
  moderators: (showId: string) => [...chatKeys.show(showId), "moderators"] as const,
  words: (showId: string) => [...chatKeys.show(showId), "blocked-words"] as const,
  log: (showId: string) => [...chatKeys.show(showId), "log"] as const,
  restrictions: (showId: string) => [...chatKeys.show(showId), "restrictions"] as const,
  // Outside `show`: an action refreshes the lanes, not every page of history (live events do that).
  messages: (showId: string) => [...liveKeys.all, "chat-messages", showId] as const,
  platformWords: () => [...liveKeys.all, "platform-blocked-words"] as const,
  customers: (q: string | string[]) => [...liveKeys.all, "customers", q] as const,
}

const chatPath = (showId: string, path = "") => `/admin/shows/${showId}/chat${path}`

export const useChatSnapshot = (showId: string) =>
  useQuery({
    queryKey: chatKeys.snapshot(showId),
    queryFn: () => liveFetch<{ chat: ChatSnapshot; server_time: string }>(chatPath(showId)),
  })

/** History newest first, a page at a time (`before` the last page's cursor). */
export const useChatHistory = (showId: string) =>
  useInfiniteQuery({
    queryKey: chatKeys.messages(showId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => liveFetch<ChatPage>(chatPath(showId, "/messages"), { query: { limit: 50, before: pageParam } }),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  })

export type ChatSince = { messages: ChatMessage[]; deleted: string[]; server_time: string }

/**
 * What came after `seq`, oldest first, every page of it, and what was deleted since `since` (the
 * server time of the last read), after a reconnect.
 */
export async function fetchChatSince(showId: string, seq: number, since: string): Promise<ChatSince> {
  const out: ChatSince = { messages: [], deleted: [], server_time: since }
  for (let after = seq, pages = 0; pages < 20; pages++) {
    const page = await liveFetch<ChatPage>(chatPath(showId, "/messages"), { query: { after_seq: after, limit: 100, deleted_since: since } })
    out.messages.push(...page.messages)
    out.deleted.push(...(page.deleted ?? []).map((d) => d.message_id))
    if (pages === 0) {
      out.server_time = page.server_time
    }
    if (!page.next_cursor || !page.messages.length) {
      break
    }
    after = page.messages[page.messages.length - 1].seq
  }
  return out
}

export const useChatModerators = (showId: string) =>
  useQuery({
    queryKey: chatKeys.moderators(showId),
    queryFn: () => liveFetch<{ moderators: ChatModerator[] }>(chatPath(showId, "/moderators")),
  })

export const useShowBlockedWords = (showId: string) =>
  useQuery({
    queryKey: chatKeys.words(showId),
    queryFn: () => liveFetch<{ blocked_words: BlockedWord[] }>(chatPath(showId, "/blocked-words")),
  })

/** Platform-wide blocked words: staff only (a seller is not asked). */
export const usePlatformBlockedWords = (enabled: boolean) =>
  useQuery({
    queryKey: chatKeys.platformWords(),
    enabled,
    queryFn: () => liveFetch<{ blocked_words: BlockedWord[] }>("/admin/blocked-chat-words"),
  })

export const useChatLog = (showId: string) =>
  useQuery({
    queryKey: chatKeys.log(showId),
    queryFn: () => liveFetch<{ entries: ChatLogEntry[]; count: number }>(chatPath(showId, "/log"), { query: { limit: 50 } }),
  })

/** Who is muted, removed or blocked now (read again after every action: it is under `chatKeys.show`). */
export const useChatRestrictions = (showId: string) =>
  useQuery({
    queryKey: chatKeys.restrictions(showId),
    queryFn: () => liveFetch<{ restrictions: ChatRestriction[] }>(chatPath(showId, "/restrictions")),
  })

const CUSTOMER_FIELDS = "id,email,first_name,last_name"

/** Medusa's own customer search (`GET /admin/customers?q=`), for adding a moderator. */
export const useCustomerSearch = (q: string) =>
  useQuery({
    queryKey: chatKeys.customers(q),
    enabled: q.trim().length >= 2,
    queryFn: () =>
      liveFetch<{ customers: CustomerSummary[] }>("/admin/customers", { query: { q: q.trim(), limit: 8, fields: CUSTOMER_FIELDS } }),
  })

/** Customers by id (moderators' names). */
export const useCustomersById = (ids: string[]) =>
  useQuery({
    queryKey: chatKeys.customers(ids),
    enabled: ids.length > 0,
    queryFn: () => liveFetch<{ customers: CustomerSummary[] }>("/admin/customers", { query: { id: ids, limit: ids.length, fields: CUSTOMER_FIELDS } }),
  })

export type ChatActionInput = { method: "POST" | "DELETE"; path: string; body?: unknown }

/**
 * One moderation request on the show's chat (`path` under `/admin/shows/:id/chat`; absolute for
 * the platform's words): then the lanes, the lists and the log are read again.
 */
export const useChatAction = (showId: string) => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ method, path, body }: ChatActionInput) =>
      liveFetch<Record<string, unknown>>(path.startsWith("/admin/") ? path : chatPath(showId, path), {
        method,
        body: method === "POST" ? (body ?? {}) : undefined,
      }),
    onSuccess: (_data, { path }) =>
      client.invalidateQueries({ queryKey: path.startsWith("/admin/") ? chatKeys.platformWords() : chatKeys.show(showId) }),
  })
}
