import { rooms } from "medusa-plugin-live-commerce/realtime/contract/rooms"
import type { StoreLotOfferListResponse } from "medusa-plugin-live-commerce/store"
import { useEffect, useState } from "react"
import { money } from "../format"
import { followRoom, listen } from "../live"
import { payHref } from "../router"
import { useSession } from "../session"

type Notice = { id: string; kind: "outbid" | "won" | "payment_due" | "charge_failed" | "forfeited"; text: string; payAuctionId?: string }

const dueText = (amount: number, currency: string, dueAt: string) => `${money(amount, currency)} to pay by ${new Date(dueAt).toLocaleString()}.`

/**
 * The customer's private notices (room `user:<customer id>`): outbid, won, payment due. Best
 * effort by design; the durable record is the Store API (`/store/customers/me/lot-offers`).
 */
export function Notices() {
  const { socket, customer, sdk } = useSession()
  const [notices, setNotices] = useState<Notice[]>([])

  useEffect(() => {
    if (!customer) {
      setNotices([])
      return
    }
    const room = rooms.user(customer.id)
    const follower = followRoom(socket, room)
    const add = (notice: Notice) => setNotices((current) => [notice, ...current.filter((n) => n.id !== notice.id)].slice(0, 5))
    const off = listen(socket, {
      "auction:outbid": (e) =>
        e.room === room && add({ id: `outbid:${e.auction_id}:${e.seq}`, kind: "outbid", text: `You were outbid: the price is now ${e.price.toFixed(2)}.` }),
      "auction:won": (e) =>
        e.room === room &&
        add({ id: `won:${e.auction_id}`, kind: "won", text: `You won it for ${money(e.hammer_price, e.currency_code)}!`, payAuctionId: e.auction_id }),
      "auction:payment_due": (e) =>
        e.room === room &&
        add({
          id: `due:${e.offer_id}`,
          kind: "payment_due",
          text: dueText(e.amount, e.currency_code, e.due_at),
          payAuctionId: e.auction_id,
        }),
      "auction:charge_failed": (e) =>
        e.room === room &&
        add({ id: `charge:${e.offer_id}`, kind: "charge_failed", text: "Your saved card was not charged: pay now.", payAuctionId: e.auction_id }),
      "auction:forfeited": (e) => e.room === room && add({ id: `lost:${e.offer_id}`, kind: "forfeited", text: "Your payment deadline passed." }),
    })
    // Lots won before this visit: the durable record, not a notice that may have been missed.
    sdk.client
      .fetch<StoreLotOfferListResponse>("/store/customers/me/lot-offers", { query: { status: "pending" } })
      .then(({ lot_offers }) =>
        lot_offers.forEach((o) =>
          add({ id: `due:${o.id}`, kind: "payment_due", text: dueText(o.amount, o.currency_code, o.due_at), payAuctionId: o.auction_id })
        )
      )
      .catch(() => undefined)
    return () => {
      follower.stop()
      off()
    }
  }, [socket, customer, sdk])

  if (!notices.length) {
    return null
  }
  return (
    <ul className="notices" aria-live="polite">
      {notices.map((notice) => (
        <li key={notice.id} className={`notice ${notice.kind}`} data-testid={`notice-${notice.kind}`}>
          {notice.text}{" "}
          {notice.payAuctionId && (
            <a className="button primary" href={payHref(notice.payAuctionId)}>
              Pay now
            </a>
          )}
          <button type="button" className="link" aria-label="Dismiss" onClick={() => setNotices((c) => c.filter((n) => n.id !== notice.id))}>
            ×
          </button>
        </li>
      ))}
    </ul>
  )
}
