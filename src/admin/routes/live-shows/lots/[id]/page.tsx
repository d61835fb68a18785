import { Button, Container, Heading, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link, useParams } from "react-router-dom"
import { useLot, useLotAction, useLotBids, useLotOffers } from "../../../../hooks/live"
import { describeError } from "../../../../lib/api"
import { dateTime, money, statusColor } from "../../../../lib/format"

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small">{children}</Text>
  </div>
)

/** A lot for staff: its settings, full bid history with maxes, settlement, offers, cart and order. */
const LotPage = () => {
  const { id } = useParams() as { id: string }
  const { data, error } = useLot(id)
  const bids = useLotBids(id)
  const offers = useLotOffers({ auction_id: id })
  const action = useLotAction()
  const lot = data?.auction
  const run = (name: "start" | "cancel" | "rerun", done: string) =>
    action.mutate(
      { id, action: name },
      { onSuccess: () => toast.success(done), onError: (err) => toast.error(describeError(err)) }
    )

  if (error) {
    return (
      <Container>
        <Text className="text-ui-fg-error">{describeError(error)}</Text>
      </Container>
    )
  }
  const cur = lot?.currency_code
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div className="flex items-center gap-x-3">
            <Heading level="h1">{lot?.title ?? "…"}</Heading>
            {lot ? <StatusBadge color={statusColor(lot.status)}>{lot.status}</StatusBadge> : null}
          </div>
          {/* The server decides what each state allows; a refusal comes back as a toast with its code. */}
          <div className="flex gap-x-2">
            {lot && (lot.status === "draft" || lot.status === "scheduled") && !lot.show_id ? (
              <Button size="small" isLoading={action.isPending} onClick={() => run("start", "Lot started")}>
                Start
              </Button>
            ) : null}
            {lot && (lot.status === "draft" || lot.status === "scheduled" || lot.status === "live") ? (
              <Button size="small" variant="danger" isLoading={action.isPending} onClick={() => run("cancel", "Lot cancelled")}>
                Cancel lot
              </Button>
            ) : null}
            {lot && (lot.status === "unsold" || lot.status === "sold") ? (
              <Button size="small" variant="secondary" isLoading={action.isPending} onClick={() => run("rerun", "Lot back as a new run")}>
                Re-run
              </Button>
            ) : null}
          </div>
        </div>
        {lot ? (
          <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-4">
            <Field label="Show">{lot.show ? <Link to={`/live-shows/${lot.show.id}`}>{lot.show.title}</Link> : "–"}</Field>
            <Field label="Product">
              {lot.product_variant ? (
                <Link to={`/products/${lot.product_variant.product_id}`}>
                  {lot.product_variant.product?.title ?? lot.product_variant.product_id} · {lot.product_variant.title}
                </Link>
              ) : (
                "–"
              )}
            </Field>
            <Field label="Starting price">{money(lot.starting_price, cur)}</Field>
            <Field label="Reserve">{money(lot.reserve_price, cur)}</Field>
            <Field label="Current price">{money(lot.current_price, cur)}</Field>
            <Field label="Leader's max">{money(lot.leader_max, cur)}</Field>
            <Field label="Bids">{lot.bid_count}</Field>
            <Field label="Run">{lot.run}</Field>
            <Field label="Started">{dateTime(lot.started_at)}</Field>
            <Field label="Ends / ended">{dateTime(lot.closed_at ?? lot.ends_at)}</Field>
            <Field label="Hammer price">{money(lot.hammer_price, cur)}</Field>
            <Field label="Winner">
              {lot.winner_customer_id ? <Link to={`/customers/${lot.winner_customer_id}`}>{lot.winner_customer_id}</Link> : "–"}
            </Field>
            <Field label="Settlement">
              {lot.settlement_status ? <StatusBadge color={statusColor(lot.settlement_status)}>{lot.settlement_status}</StatusBadge> : "–"}
            </Field>
            <Field label="Order">
              {lot.order_id ? <Link to={`/orders/${lot.order_id}`}>{lot.order ? `#${lot.order.display_id}` : lot.order_id}</Link> : "–"}
            </Field>
          </div>
        ) : null}
      </Container>

      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Offers</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The winner (rank 0), then runner-ups offered the lot when a payment deadline passes.
          </Text>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Rank</Table.HeaderCell>
              <Table.HeaderCell>Customer</Table.HeaderCell>
              <Table.HeaderCell>Amount</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Due</Table.HeaderCell>
              <Table.HeaderCell>Cart</Table.HeaderCell>
              <Table.HeaderCell>Order</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(offers.data?.lot_offers ?? []).map((o) => (
              <Table.Row key={o.id}>
                <Table.Cell>{o.rank === 0 ? "winner" : `runner-up ${o.rank}`}</Table.Cell>
                <Table.Cell>
                  <Link to={`/customers/${o.customer_id}`}>{o.customer_id}</Link>
                </Table.Cell>
                <Table.Cell>{money(o.amount, o.currency_code)}</Table.Cell>
                <Table.Cell>
                  <StatusBadge color={statusColor(o.status)}>{o.status}</StatusBadge>
                  {o.charge_status ? ` · charge ${o.charge_status}` : ""}
                </Table.Cell>
                <Table.Cell>{dateTime(o.due_at)}</Table.Cell>
                <Table.Cell>{o.cart_id ?? (o.cart_error ? `error: ${o.cart_error}` : "–")}</Table.Cell>
                <Table.Cell>{o.order_id ? <Link to={`/orders/${o.order_id}`}>{o.order_id}</Link> : "–"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {!offers.isLoading && !offers.error && !offers.data?.lot_offers.length ? (
          <Text size="small" className="text-ui-fg-subtle px-6 py-4">
            No offers: the lot has not been sold.
          </Text>
        ) : null}
        {offers.error ? <Text className="text-ui-fg-error px-6 py-4">{describeError(offers.error)}</Text> : null}
      </Container>

      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Bid history</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Every bid of every run, newest first, with bidders' maximums (staff only).
          </Text>
        </div>
        <Table data-testid="bid-history">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Seq</Table.HeaderCell>
              <Table.HeaderCell>Time</Table.HeaderCell>
              <Table.HeaderCell>Customer</Table.HeaderCell>
              <Table.HeaderCell>Kind</Table.HeaderCell>
              <Table.HeaderCell>Amount / max</Table.HeaderCell>
              <Table.HeaderCell>Price after</Table.HeaderCell>
              <Table.HeaderCell>Outcome</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(bids.data?.bids ?? []).map((b) => (
              <Table.Row key={b.id}>
                <Table.Cell>
                  {b.seq}
                  {b.run > 1 ? ` (run ${b.run})` : ""}
                </Table.Cell>
                <Table.Cell>{dateTime(b.created_at)}</Table.Cell>
                <Table.Cell>
                  <Link to={`/customers/${b.customer_id}`}>{b.customer_id}</Link>
                </Table.Cell>
                <Table.Cell>
                  {b.kind}
                  {b.is_prebid ? " (pre-bid)" : ""}
                </Table.Cell>
                <Table.Cell>{money(b.amount, cur)}</Table.Cell>
                <Table.Cell>{money(b.price_after, cur)}</Table.Cell>
                <Table.Cell>{b.outcome}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {!bids.isLoading && !bids.data?.bids.length ? (
          <Text size="small" className="text-ui-fg-subtle px-6 py-4">
            No bids.
          </Text>
        ) : null}
      </Container>
    </div>
  )
}

export default LotPage
