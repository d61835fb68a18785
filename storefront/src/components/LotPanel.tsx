import { money } from "../format"
import type { LotView } from "../stage"
import { Countdown } from "./Countdown"

/** The lot on screen: picture, title, price, bids, time left; the hammer once it falls. */
export function LotPanel({ lot, flash, clockOffset }: { lot: LotView; flash: string | null; clockOffset: number }) {
  const live = lot.status === "live"
  const closed = lot.status === "sold" || lot.status === "unsold" || lot.status === "cancelled"
  return (
    <section className="lot" aria-label="Lot on screen">
      {lot.image ? <img className="lot-image" src={lot.image} alt="" width={120} height={120} /> : <div className="lot-image" />}
      <div>
        <h2 data-testid="lot-title">{lot.title}</h2>
        <p className="price-line">
          <span className="price" data-testid="price">
            {money(lot.hammer_price ?? lot.current_price ?? lot.starting_price, lot.currency_code)}
          </span>{" "}
          <span className="muted" data-testid="bid-count">
            {lot.current_price === null ? "starting bid" : `${lot.bid_count} ${lot.bid_count === 1 ? "bid" : "bids"}`}
          </span>
        </p>
        <p>
          {live && <Countdown endsAt={lot.ends_at} clockOffset={clockOffset} running />}
          {lot.status === "scheduled" && <span className="muted">Starts soon</span>}
          {closed && (
            <span className="hammer" data-testid="hammer">
              {lot.status === "sold" ? `Sold for ${money(lot.hammer_price, lot.currency_code)}` : lot.status === "unsold" ? "Not sold" : "Cancelled"}
            </span>
          )}
        </p>
        {lot.you_lead && live && (
          <p className="badge lead" data-testid="you-lead">
            You lead{lot.your_max !== null ? ` (your max ${money(lot.your_max, lot.currency_code)})` : ""}
          </p>
        )}
        {!lot.you_lead && lot.leader && live && <p className="muted">Leading: {lot.leader}</p>}
        {flash && <p className="flash">{flash}</p>}
      </div>
    </section>
  )
}
