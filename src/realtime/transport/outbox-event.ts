import { PRIVATE_NOTICE_EVENTS, type PrivateNotice, type PublishedEvent } from "../contract/transport"

function toEvent(event: unknown): PublishedEvent | null {
  const e = event as Partial<PublishedEvent> | null
  if (typeof e?.auction_id !== "string" || !Number.isInteger(e.seq) || typeof e.name !== "string") {
    return null
  }
  const inShow = typeof e.show_id === "string" && Number.isInteger(e.show_seq)
  return {
    auction_id: e.auction_id,
    seq: e.seq!,
    name: e.name,
    payload: e.payload ?? {},
    show_id: inShow ? e.show_id : null,
    show_seq: inShow ? e.show_seq : null,
  }
}

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

/** The lot events in one transport message. */
export function parsePublishedEvents(raw: string): PublishedEvent[] {
  return parseMessage(raw, toEvent)
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
  return { customer_id: n.customer_id, event: n.event!, payload: n.payload }
}

/** The private notices (`{ notice }`) in one transport message. */
export function parsePrivateNotices(raw: string): PrivateNotice[] {
  return parseMessage(raw, toNotice)
}
