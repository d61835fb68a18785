import { Input, Text, clx } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { sdk } from "../lib/sdk"

type PickerProduct = { id: string; title: string; thumbnail: string | null; variants: { id: string; title: string; sku: string | null }[] }

export type PickedVariant = { product_id: string; product_title: string; variant_id: string; variant_title: string }

/** Products and their variants from Medusa's `/admin/products`, searchable; a click picks a variant. */
export const VariantPicker = ({ value, onPick }: { value: string | null; onPick: (picked: PickedVariant) => void }) => {
  const [q, setQ] = useState("")
  const { data, isLoading } = useQuery({
    queryKey: ["live-commerce", "variant-picker", q],
    queryFn: () =>
      sdk.client.fetch<{ products: PickerProduct[] }>("/admin/products", {
        query: { q: q || undefined, limit: 20, fields: "id,title,thumbnail,*variants" },
      }),
  })
  return (
    <div className="flex flex-col gap-y-2">
      <Input type="search" placeholder="Search products" value={q} onChange={(e) => setQ(e.target.value)} />
      <div className="max-h-72 overflow-y-auto rounded-md border" data-testid="variant-picker">
        {isLoading ? <Text className="p-3">Loading…</Text> : null}
        {(data?.products ?? []).map((product) => (
          <div key={product.id} className="border-b p-3 last:border-b-0">
            <Text weight="plus" size="small">
              {product.title}
            </Text>
            <div className="mt-2 flex flex-wrap gap-2">
              {product.variants.map((variant) => (
                <button
                  key={variant.id}
                  type="button"
                  data-variant-id={variant.id}
                  onClick={() =>
                    onPick({ product_id: product.id, product_title: product.title, variant_id: variant.id, variant_title: variant.title })
                  }
                  className={clx(
                    "txt-compact-small rounded-md border px-2 py-1",
                    value === variant.id ? "bg-ui-bg-interactive text-ui-fg-on-color" : "bg-ui-bg-base hover:bg-ui-bg-base-hover"
                  )}
                >
                  {variant.title}
                  {variant.sku ? ` · ${variant.sku}` : ""}
                </button>
              ))}
            </div>
          </div>
        ))}
      </div>
    </div>
  )
}
