import { LiveAuctionEvents } from "../events"
import { BID_WRITE_SQL, payloadSql } from "../lib/bid-write-sql"
import { outboxEvent, type OutboxEvent } from "../lib/outbox"

/**
 * Issue #14: lot event payloads are written against the contract (`LotEventPayloads`), in SQL
 * too, and event names are declared once. The `@ts-expect-error` lines fail `npm run typecheck`
 * the day the types stop catching the drift they show.
 */
describe("outbox payloads follow the contract", () => {
  const extended = { ends_at: "upd.ends_at", extension_count: "upd.extension_count", show_id: "upd.show_id", server_time: "now()" }

  it("builds a lot event's payload in SQL from exactly its contract fields", () => {
    expect(payloadSql(LiveAuctionEvents.EXTENDED, extended)).toBe(
      "jsonb_build_object('ends_at', upd.ends_at, 'extension_count', upd.extension_count, 'show_id', upd.show_id, 'server_time', now())"
    )
    // @ts-expect-error a field the contract does not have
    payloadSql(LiveAuctionEvents.EXTENDED, { ...extended, extra: "1" })
    const { show_id: _missing, ...withoutShow } = extended
    // @ts-expect-error a field of the contract left out
    payloadSql(LiveAuctionEvents.EXTENDED, withoutShow)
  })

  it("binds event names instead of writing them into the bid statement", () => {
    expect(BID_WRITE_SQL).not.toMatch(/'live_auction\./)
    expect(BID_WRITE_SQL).toContain(":evt_bid_name")
  })

  it("pairs each outbox event name with its own payload", () => {
    const started: OutboxEvent = {
      auction_id: "auc_1",
      seq: 2,
      name: LiveAuctionEvents.STARTED,
      payload: { started_at: "t", ends_at: "t", show_id: null, server_time: "t" },
    }
    expect(started.name).toBe("live_auction.started")
    // @ts-expect-error the rerun payload under the started name
    const swapped: OutboxEvent = { auction_id: "auc_1", seq: 3, name: LiveAuctionEvents.STARTED, payload: { run: 2, show_id: null, server_time: "t" } }
    expect(swapped.seq).toBe(3)
    // @ts-expect-error a payload field of another event
    outboxEvent({ auction_id: "auc_1", seq: 4, name: LiveAuctionEvents.CANCELLED, payload: { show_id: null, server_time: "t", run: 1 } })
  })
})
