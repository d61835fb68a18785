import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Input, Label, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { Link } from "react-router-dom"
import { ErrorText } from "../components/error-text"
import { useBidderBlocks, useBlockBidder, useCustomerBids, useLiftBlock, useLotOffers, useLots, useMe } from "../hooks/live"
import { describeError } from "../lib/api"
import { dateTime, money, statusColor } from "../lib/format"

const BlockSection = ({ customerId }: { customerId: string }) => {
  const blocks = useBidderBlocks(customerId)
  const me = useMe()
  const block = useBlockBidder()
  const lift = useLiftBlock()
  const [reason, setReason] = useState("")
  const [expires, setExpires] = useState("")
  // A block with a passed `expires_at` no longer stops bids.
  const current = blocks.data?.bidder_blocks?.find((b) => !b.expires_at || new Date(b.expires_at).getTime() > Date.now())

  const submit = (e: FormEvent) => {
    e.preventDefault()
    block.mutate(
      { customer_id: customerId, reason: reason || null, expires_at: expires ? new Date(expires).toISOString() : null },
      { onSuccess: () => toast.success("Bidder blocked"), onError: (err) => toast.error(describeError(err)) }
    )
  }

  // Blocks are platform-wide: sellers read them, staff set and lift them.
  const staff = me.data?.role !== "seller"
  if (current) {
    return (
      <div className="flex items-center justify-between px-6 py-4">
        <Text size="small">
          Blocked from bidding{current.reason ? `: ${current.reason}` : ""} (until {current.expires_at ? dateTime(current.expires_at) : "lifted"})
        </Text>
        <Button
          size="small"
          variant="secondary"
          disabled={!staff}
          isLoading={lift.isPending}
          onClick={() =>
            lift.mutate(customerId, { onSuccess: () => toast.success("Block lifted"), onError: (err) => toast.error(describeError(err)) })
          }
        >
          Lift block
        </Button>
      </div>
    )
  }
  if (!staff) {
    return (
      <Text size="small" className="text-ui-fg-subtle px-6 py-4">
        Not blocked from bidding.
      </Text>
    )
  }
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3 px-6 py-4">
      <div className="flex flex-col gap-y-1">
        <Label htmlFor="block-reason" size="small">
          Reason
        </Label>
        <Input id="block-reason" size="small" value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div className="flex flex-col gap-y-1">
        <Label htmlFor="block-expires" size="small">
          Until (optional)
        </Label>
        <Input id="block-expires" size="small" type="datetime-local" value={expires} onChange={(e) => setExpires(e.target.value)} />
      </div>
      <Button size="small" variant="danger" type="submit" isLoading={block.isPending}>
        Block bidder
      </Button>
      <ErrorText error={blocks.error} />
    </form>
  )
}

/** A customer's auctions: bids, wins, unpaid lots and their bidder block. */
const CustomerLiveWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const bids = useCustomerBids(customer.id)
  const wins = useLots({ winner_id: customer.id })
  const unpaid = useLotOffers({ customer_id: customer.id, status: "pending" })

  return (
    <Container className="divide-y p-0" data-testid="customer-live-widget">
      <div className="px-6 py-4">
        <Heading level="h2">Auctions</Heading>
      </div>
      <div className="px-6 py-4">
        <Text size="small" weight="plus">
          Unpaid lots
        </Text>
        {(unpaid.data?.lot_offers ?? []).map((o) => (
          <Text size="small" key={o.id}>
            <Link to={`/live-shows/lots/${o.auction_id}`}>{o.auction_id}</Link> · {money(o.amount, o.currency_code)} · due{" "}
            {dateTime(o.due_at)}
          </Text>
        ))}
        {!unpaid.data?.lot_offers.length ? (
          <Text size="small" className="text-ui-fg-subtle">
            {unpaid.error ? describeError(unpaid.error) : "None."}
          </Text>
        ) : null}
      </div>
      <div className="px-6 py-4">
        <Text size="small" weight="plus">
          Wins
        </Text>
        {(wins.data?.auctions ?? []).map((lot) => (
          <Text size="small" key={lot.id}>
            <Link to={`/live-shows/lots/${lot.id}`}>{lot.title}</Link> · {money(lot.hammer_price, lot.currency_code)} ·{" "}
            {lot.settlement_status ?? lot.status}
          </Text>
        ))}
        {!wins.data?.auctions.length ? (
          <Text size="small" className="text-ui-fg-subtle">
            {wins.error ? describeError(wins.error) : "None."}
          </Text>
        ) : null}
      </div>
      <div className="py-2">
        <Text size="small" weight="plus" className="px-6">
          Recent bids
        </Text>
        {bids.data?.bids.length ? (
          <Table>
            <Table.Body>
              {bids.data.bids.map((b) => (
                <Table.Row key={b.id}>
                  <Table.Cell>
                    <Link to={`/live-shows/lots/${b.auction_id}`}>{b.auction_id}</Link>
                  </Table.Cell>
                  <Table.Cell>{b.kind}</Table.Cell>
                  <Table.Cell>{b.amount}</Table.Cell>
                  <Table.Cell>
                    <StatusBadge color={statusColor(b.outcome)}>{b.outcome}</StatusBadge>
                  </Table.Cell>
                  <Table.Cell>{dateTime(b.created_at)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ) : (
          <Text size="small" className="text-ui-fg-subtle px-6">
            {bids.error ? describeError(bids.error) : "None."}
          </Text>
        )}
      </div>
      <BlockSection customerId={customer.id} />
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerLiveWidget
