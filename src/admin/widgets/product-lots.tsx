import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { Link } from "react-router-dom"
import { AddLotModal } from "../components/add-lot-modal"
import { ErrorText } from "../components/error-text"
import { useCreateLot, useLots, useShows } from "../hooks/live"
import { describeError } from "../lib/api"
import { money, statusColor } from "../lib/format"
import { sdk } from "../lib/sdk"

/** "Auction this product": a lot for one of its variants (optionally into a show), and its lots. */
const ProductLotsWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const [open, setOpen] = useState(false)
  const lots = useLots({ product_id: product.id })
  const shows = useShows(["scheduled", "live"])
  const create = useCreateLot()
  // The product page's own read may leave variants out: ask for them.
  const withVariants = useQuery({
    queryKey: ["live-commerce", "product-variants", product.id],
    queryFn: () => sdk.admin.product.retrieve(product.id, { fields: "id,title,*variants" }),
  })
  const variants = (withVariants.data?.product.variants ?? product.variants ?? []).map((v) => ({ id: v.id, title: v.title ?? v.id }))

  return (
    <Container className="divide-y p-0" data-testid="product-lots-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Auctions</Heading>
        <Button size="small" variant="secondary" disabled={!variants.length} onClick={() => setOpen(true)}>
          Auction this product
        </Button>
      </div>
      <ErrorText error={lots.error} className="px-6 py-4" />
      {lots.data?.auctions.length ? (
        <Table>
          <Table.Body>
            {lots.data.auctions.map((lot) => (
              <Table.Row key={lot.id}>
                <Table.Cell>
                  <Link to={`/live-shows/lots/${lot.id}`}>{lot.title}</Link>
                </Table.Cell>
                <Table.Cell>
                  <StatusBadge color={statusColor(lot.status)}>{lot.status}</StatusBadge>
                </Table.Cell>
                <Table.Cell>{money(lot.hammer_price ?? lot.current_price ?? lot.starting_price, lot.currency_code)}</Table.Cell>
                <Table.Cell>{lot.show_id ? <Link to={`/live-shows/${lot.show_id}`}>show</Link> : "standalone"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : !lots.isLoading && !lots.error ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          Not auctioned yet.
        </Text>
      ) : null}
      <AddLotModal
        open={open}
        onOpenChange={setOpen}
        heading={`Auction ${product.title}`}
        submitLabel="Create lot"
        pending={create.isPending}
        variants={variants}
        productTitle={product.title}
        shows={shows.data?.shows ?? []}
        onSubmit={(lot) =>
          create.mutate(lot, {
            onSuccess: () => {
              toast.success("Lot created")
              setOpen(false)
            },
            onError: (err) => toast.error(describeError(err)),
          })
        }
      />
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.after",
})

export default ProductLotsWidget
