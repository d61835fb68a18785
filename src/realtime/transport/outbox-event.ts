import { CHAT_EVENT_NAMES, type ChatUpdate } from "../contract/chat"
import {
  PRIVATE_NOTICE_EVENTS,
  PUBLISHER_STATUSES,
  SHOW_STATUSES,
  toPublishedEvent,
  type PrivateNotice,
  type PublishedEvent,
  type ShowUpdate,
} from "../contract/transport"

/** One transport message is an item (NOTIFY) or a batch of them (Redis); what `convert` rejects is skipped. */
function parseMessage<T>(raw: string, convert: (item: unknown) => T | null): T[] {
  try {
    const parsed: unknown = JSON.parse(raw)
    const list = Array.isArray(parsed) ? parsed : [parsed]
    return list.map(convert).filter((item): item is T => item !== null)
  } catch {
    return []
  }
}

function toNotice(message: unknown): PrivateNotice | null {
  const n = (message as { notice?: Partial<PrivateNotice> } | null)?.notice
  if (
    typeof n?.customer_id !== "string" ||
    !PRIVATE_NOTICE_EVENTS.includes(n.event as PrivateNotice["event"]) ||
    typeof n.payload !== "object" ||
    n.payload === null
  ) {
    return null
  }
  // The payload is the notice's event's, as Medusa built it typed (subscribers/settlement-realtime.ts).
  return { customer_id: n.customer_id, event: n.event, payload: n.payload } as PrivateNotice
}

const isoOrNull = (v: unknown) => (typeof v === "string" && !Number.isNaN(Date.parse(v)) ? v : null)

function toShowUpdate(message: unknown): ShowUpdate | null {
  const u = (message as { show?: Partial<ShowUpdate> } | null)?.show
  if (typeof u?.show_id !== "string" || typeof u.seller_id !== "string" || !SHOW_STATUSES.includes(u.status!)) {
    return null
  }
  return {
    show_id: u.show_id,
    seller_id: u.seller_id,
    status: u.status!,
    started_at: isoOrNull(u.started_at),
    ended_at: isoOrNull(u.ended_at),
    // A Medusa older than the sidecar sends neither: "offline" and no recording, as a show without video.
    publisher_status: PUBLISHER_STATUSES.includes(u.publisher_status!) ? u.publisher_status! : "offline",
    recording_url: typeof u.recording_url === "string" && /^https?:\/\//.test(u.recording_url) ? u.recording_url : null,
  }
}

const SHOW_ID = /^show_[A-Za-z0-9]{1,59}$/
const CUSTOMER_ID = /^cus_[A-Za-z0-9]{1,60}$/

/** A chat event: a known event, a show, a payload object, and a customer for private ones. */
export function toChatUpdate(message: unknown): ChatUpdate | null {
  const c = (message as { chat?: Partial<ChatUpdate> } | null)?.chat
  if (
    typeof c?.show_id !== "string" ||
    !SHOW_ID.test(c.show_id) ||
    !CHAT_EVENT_NAMES.includes(c.event as ChatUpdate["event"]) ||
    typeof c.payload !== "object" ||
    c.payload === null ||
    (c.customer_id !== undefined && (typeof c.customer_id !== "string" || !CUSTOMER_ID.test(c.customer_id)))
  ) {
    return null
  }
  // The payload is the event's, as Medusa built it typed (workflows/chat); the show is the update's.
  return {
    show_id: c.show_id,
    ...(c.customer_id ? { customer_id: c.customer_id } : {}),
    event: c.event,
    payload: { ...c.payload, show_id: c.show_id },
  } as ChatUpdate
}

export type TransportSinks = {
  onEvent: (event: PublishedEvent) => void
  onNotice?: (notice: PrivateNotice) => void
  onShowUpdate?: (update: ShowUpdate) => void
  onChat?: (update: ChatUpdate) => void
}

/** Hands each item of one transport message to its sink, parsing the message once. */
export function dispatchTransportMessage(raw: string, { onEvent, onNotice, onShowUpdate, onChat }: TransportSinks): void {
  for (const item of parseMessage(raw, (item) => (item && typeof item === "object" ? item : null))) {
    if ("notice" in item) {
      const notice = toNotice(item)
      if (notice) {
        onNotice?.(notice)
      }
    } else if ("chat" in item) {
      const update = toChatUpdate(item)
      if (update) {
        onChat?.(update)
      }
    } else if ("show" in item) {
      const update = toShowUpdate(item)
      if (update) {
        onShowUpdate?.(update)
      }
    } else {
      const event = toPublishedEvent(item)
      if (event) {
        onEvent(event)
      }
    }
  }
}
