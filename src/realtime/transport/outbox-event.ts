/** An outbox event as Medusa publishes it to the sidecars (see the auctions module's outbox relay). */
export type PublishedEvent = {
  auction_id: string
  seq: number
  /** A `live_auction.*` name. */
  name: string
  payload: Record<string, unknown>
}


export function parsePublishedEvent(raw: string): PublishedEvent | null {
  try {
    const event = JSON.parse(raw)
    if (typeof event?.auction_id === "string" && Number.isInteger(event?.seq) && typeof event?.name === "string") {
      return { auction_id: event.auction_id, seq: event.seq, name: event.name, payload: event.payload ?? {} }
    }
  } catch {
    // not ours
  }
  return null
}
