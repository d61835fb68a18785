import { money } from "../format"
import type { FeedItem } from "../stage"

/** The lot's bids as they come in, newest first (bidders by pseudonym, prices as everyone sees them). */
export function BidFeed({ feed, currency }: { feed: FeedItem[]; currency: string }) {
  return (
    <section aria-labelledby="feed-title">
      <h3 id="feed-title">Bids</h3>
      <ol className="feed" data-testid="feed">
        {feed.length === 0 && <li className="muted">No bids yet: be the first.</li>}
        {feed.map((item) => (
          <li key={item.id}>
            <strong>{item.bidder}</strong> {money(item.price, currency)}
            {item.outcome === "bought" && " (bought now)"}
            {/* The price after this bid: a leader's max bid answered it at once. */}
            {item.outcome === "outbid" && " (a max bid beat it at once)"}
          </li>
        ))}
      </ol>
    </section>
  )
}
