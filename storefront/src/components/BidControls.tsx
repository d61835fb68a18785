import type { StoreAuction, StorePlaceBidRequest } from "medusa-plugin-live-commerce/store"
import { useState, type FormEvent } from "react"
import { money } from "../format"
import { newIdempotencyKey, placeBid, type Problem } from "../medusa"
import { useSession } from "../session"
import type { LotView } from "../stage"
import { ProblemLine } from "./ProblemLine"

type Attempt = { kind: "amount" | "max_amount"; amount: number; idempotency_key: string }

/** A bid far above the price is probably a typo: ask first (more than twice the price, or 100 more). */
export function isFarAbove(amount: number, lot: StoreAuction): boolean {
  const reference = lot.current_price ?? lot.starting_price
  return amount > 2 * reference || amount > reference + 100
}

/**
 * One tap bids the next minimum; a custom amount bids it straight, or as a max the server bids
 * up to for you (proxy bidding). Each attempt gets its own idempotency key, reused by its retries.
 */
export function BidControls({
  lot,
  onState,
}: {
  lot: LotView
  onState: (auction: StoreAuction, mine?: { leading: boolean; max: number | null }) => void
}) {
  const { sdk, config, customer } = useSession()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  // What the last bid came to, shown while the price is still the one it answered with: once
  // anyone bids again, the live state (leading badge, feed, notices) says where the viewer stands.
  const [result, setResult] = useState<{ text: string; price: number | null } | null>(null)
  const [custom, setCustom] = useState("")
  const [kind, setKind] = useState<Attempt["kind"]>("max_amount")
  const [confirming, setConfirming] = useState<Attempt | null>(null)

  if (lot.status !== "live") {
    return null
  }
  if (!customer) {
    return <p className="muted">Log in to bid.</p>
  }

  const send = async (attempt: Attempt) => {
    setBusy(true)
    setProblem(null)
    setResult(null)
    const body: StorePlaceBidRequest = { [attempt.kind]: attempt.amount, idempotency_key: attempt.idempotency_key }
    const reply = await placeBid(sdk, config, lot.id, body)
    setBusy(false)
    if (reply.ok) {
      const { outcome, auction } = reply.data
      const leading = outcome === "leading" || outcome === "max_raised" || outcome === "bought"
      onState(auction, { leading, max: attempt.kind === "max_amount" && leading ? attempt.amount : null })
      setResult({
        text: leading ? `You lead at ${money(auction.current_price, auction.currency_code)}` : "A max bid beat yours at once: bid again",
        price: auction.current_price,
      })
      return
    }
    setProblem(reply.error)
    if (reply.refusal?.auction) {
      onState(reply.refusal.auction)
    }
  }

  const submitCustom = (e: FormEvent) => {
    e.preventDefault()
    const amount = Number(custom)
    if (!Number.isFinite(amount) || amount <= 0) {
      setProblem({ code: "invalid_amount", message: "Enter an amount in dollars and cents." })
      return
    }
    const attempt: Attempt = { kind, amount, idempotency_key: newIdempotencyKey() }
    if (isFarAbove(amount, lot)) {
      setConfirming(attempt)
    } else {
      void send(attempt)
    }
  }

  return (
    <section className="bidding" aria-label="Bid">
      <button
        type="button"
        className="primary big"
        data-testid="one-tap"
        disabled={busy}
        onClick={() => void send({ kind: "amount", amount: lot.min_next_bid, idempotency_key: newIdempotencyKey() })}
      >
        Bid {money(lot.min_next_bid, lot.currency_code)}
      </button>
      <form className="custom" onSubmit={submitCustom}>
        <input
          name="amount"
          type="number"
          inputMode="decimal"
          step="0.01"
          placeholder={`${lot.min_next_bid} or more`}
          value={custom}
          onChange={(e) => setCustom(e.target.value)}
          aria-label="Your amount"
        />
        <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as Attempt["kind"])} aria-label="Kind of bid">
          <option value="max_amount">as a max bid</option>
          <option value="amount">as a bid</option>
        </select>
        <button type="submit" disabled={busy}>
          Place
        </button>
      </form>
      {busy && <p className="muted">Placing your bid…</p>}
      {result && result.price === lot.current_price && (
        <p className="ok" role="status">
          {result.text}
        </p>
      )}
      <ProblemLine problem={problem} />
      {confirming && (
        <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="confirm-title">
          <p id="confirm-title">
            {confirming.kind === "max_amount" ? "Max bid" : "Bid"} {money(confirming.amount, lot.currency_code)}? That is far above the current
            price of {money(lot.current_price ?? lot.starting_price, lot.currency_code)}.
          </p>
          <button
            type="button"
            className="primary"
            onClick={() => {
              const attempt = confirming
              setConfirming(null)
              setCustom("")
              void send(attempt)
            }}
          >
            Confirm
          </button>
          <button type="button" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </div>
      )}
    </section>
  )
}
