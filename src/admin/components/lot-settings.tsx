import { Input, Select } from "@medusajs/ui"
import type { LotSettingsInput } from "../lib/types"
import { Field } from "./form-modal"

export type LotSettingsValue = {
  title: string
  starting_price: string
  currency_code: string
  duration_seconds: string
  soft_close_seconds: string
  soft_close_mode: "extend" | "reset"
}

export const defaultLotSettings = (title = ""): LotSettingsValue => ({
  title,
  starting_price: "1",
  currency_code: "usd",
  duration_seconds: "30",
  soft_close_seconds: "10",
  soft_close_mode: "reset",
})

/** The form's strings as the API's lot settings (an empty soft close turns it off). */
export const toLotInput = (v: LotSettingsValue): LotSettingsInput => ({
  title: v.title.trim() || undefined,
  starting_price: Number(v.starting_price),
  currency_code: v.currency_code.trim().toLowerCase(),
  duration_seconds: Number(v.duration_seconds),
  soft_close_seconds: v.soft_close_seconds === "" ? null : Number(v.soft_close_seconds),
  soft_close_mode: v.soft_close_mode,
})

type Props = { value: LotSettingsValue; onChange: (value: LotSettingsValue) => void; currencyEditable?: boolean }

/** A lot's title, starting price and timer: duration and soft close (seconds, extend or reset). */
export const LotSettingsFields = ({ value, onChange, currencyEditable = true }: Props) => {
  const set = (patch: Partial<LotSettingsValue>) => onChange({ ...value, ...patch })
  return (
    <div className="grid grid-cols-2 gap-4">
      <Field id="lot-title" label="Lot title" className="col-span-2">
        <Input id="lot-title" name="lot_title" value={value.title} onChange={(e) => set({ title: e.target.value })} />
      </Field>
      <Field id="lot-starting-price" label="Starting price">
        <Input
          id="lot-starting-price"
          name="starting_price"
          type="number"
          min={0}
          step="0.01"
          value={value.starting_price}
          onChange={(e) => set({ starting_price: e.target.value })}
          required
        />
      </Field>
      <Field id="lot-currency" label="Currency">
        <Input
          id="lot-currency"
          name="currency_code"
          maxLength={3}
          disabled={!currencyEditable}
          value={value.currency_code}
          onChange={(e) => set({ currency_code: e.target.value })}
          required
        />
      </Field>
      <Field id="lot-duration" label="Duration (seconds)">
        <Input
          id="lot-duration"
          name="duration_seconds"
          type="number"
          min={5}
          value={value.duration_seconds}
          onChange={(e) => set({ duration_seconds: e.target.value })}
          required
        />
      </Field>
      <Field id="lot-soft-close" label="Soft close (seconds)">
        <Input
          id="lot-soft-close"
          name="soft_close_seconds"
          type="number"
          min={0}
          value={value.soft_close_seconds}
          onChange={(e) => set({ soft_close_seconds: e.target.value })}
        />
      </Field>
      <Field label="Soft close mode" className="col-span-2">
        <Select value={value.soft_close_mode} onValueChange={(v) => set({ soft_close_mode: v as "extend" | "reset" })}>
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="reset">Reset the clock to the window</Select.Item>
            <Select.Item value="extend">Extend by the window</Select.Item>
          </Select.Content>
        </Select>
      </Field>
    </div>
  )
}
