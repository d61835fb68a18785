import { Select, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import type { LotSettingsInput, Show } from "../lib/types"
import { Field, FormModal } from "./form-modal"
import { defaultLotSettings, LotSettingsFields, toLotInput, type LotSettingsValue } from "./lot-settings"
import { VariantPicker } from "./variant-picker"

const NO_SHOW = "none"

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  heading: string
  submitLabel: string
  pending: boolean
  /** A fixed product's variants (the product widget); without them, a picker over all products. */
  variants?: { id: string; title: string }[]
  productTitle?: string
  /** Shows the lot may go into (optional); without them, no show choice. */
  shows?: Show[]
  onSubmit: (lot: LotSettingsInput & { product_variant_id: string }) => void
}

/** A new lot for a product variant: which variant, then its price and timer. */
export const AddLotModal = ({ open, onOpenChange, heading, submitLabel, pending, variants, productTitle, shows, onSubmit }: Props) => {
  const [variantId, setVariantId] = useState<string | null>(null)
  const [showId, setShowId] = useState(NO_SHOW)
  const [settings, setSettings] = useState<LotSettingsValue>(defaultLotSettings())

  useEffect(() => {
    if (open) {
      const first = variants?.[0]
      setVariantId(first?.id ?? null)
      setShowId(NO_SHOW)
      setSettings(defaultLotSettings(first && productTitle ? `${productTitle} – ${first.title}` : ""))
    }
  }, [open])

  const submit = () => {
    if (variantId) {
      onSubmit({ ...toLotInput(settings), product_variant_id: variantId, ...(showId !== NO_SHOW ? { show_id: showId } : {}) })
    }
  }

  return (
    <FormModal
      open={open}
      onOpenChange={onOpenChange}
      heading={heading}
      submitLabel={submitLabel}
      pending={pending}
      submitDisabled={!variantId}
      onSubmit={submit}
    >
      {variants ? (
        <Field label="Variant">
          <Select value={variantId ?? undefined} onValueChange={setVariantId}>
            <Select.Trigger>
              <Select.Value placeholder="Choose a variant" />
            </Select.Trigger>
            <Select.Content>
              {variants.map((v) => (
                <Select.Item key={v.id} value={v.id}>
                  {v.title}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
      ) : (
        <Field label="Product and variant">
          <VariantPicker
            value={variantId}
            onPick={(p) => {
              setVariantId(p.variant_id)
              setSettings((s) => ({ ...s, title: s.title || `${p.product_title} – ${p.variant_title}` }))
            }}
          />
          {!variantId ? (
            <Text size="small" className="text-ui-fg-subtle">
              Pick a variant to auction.
            </Text>
          ) : null}
        </Field>
      )}
      {shows ? (
        <Field label="Show">
          <Select value={showId} onValueChange={setShowId}>
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={NO_SHOW}>No show (a standalone lot)</Select.Item>
              {shows.map((s) => (
                <Select.Item key={s.id} value={s.id}>
                  {s.title}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
      ) : null}
      <LotSettingsFields value={settings} onChange={setSettings} />
    </FormModal>
  )
}
