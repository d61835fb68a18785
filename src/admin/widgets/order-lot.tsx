import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useLot, useLotOffers } from "../hooks/live"
import { money } from "../lib/format"
import type { LotOffer } from "../lib/types"

const OfferLine = ({ offer }: { offer: LotOffer }) => {
  const { data } = useLot(offer.auction_id)
  const lot = data?.auction
  return (
    <div className="flex flex-col gap-y-1 px-6 py-4">
      <Text size="small">
        Lot <Link to={`/live-shows/lots/${offer.auction_id}`}>{lot?.title ?? offer.auction_id}</Link> ·{" "}
        {money(offer.amount, offer.currency_code)} {offer.rank > 0 ? `(runner-up ${offer.rank})` : "(winner)"}
      </Text>
      {lot?.show ? (
        <Text size="small">
          Show <Link to={`/live-shows/${lot.show.id}`}>{lot.show.title}</Link>
        </Text>
      ) : null}
    </div>
  )
}

/** Where an order came from: the lot (and show) whose won offer it pays. */
const OrderLotWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data } = useLotOffers({ order_id: order.id })
  const offers = data?.lot_offers ?? []
  if (!offers.length) {
    return null
  }
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Live auction</Heading>
      </div>
      {offers.map((o) => (
        <OfferLine key={o.id} offer={o} />
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderLotWidget
