import { Button, Drawer, toast } from "@medusajs/ui"
import { useEffect, useState, type FormEvent } from "react"
import { useUpdateLot } from "../hooks/live"
import { describeError } from "../lib/api"
import type { Lot } from "../lib/types"
import { LotSettingsFields, toLotInput, type LotSettingsValue } from "./lot-settings"

/** Edits a lot's title, starting price and timer before it runs. */
export const EditLotDrawer = ({ lot, onClose }: { lot: Lot | null; onClose: () => void }) => {
  const update = useUpdateLot()
  const [value, setValue] = useState<LotSettingsValue | null>(null)

  useEffect(() => {
    setValue(
      lot
        ? {
            title: lot.title,
            starting_price: String(lot.starting_price),
            currency_code: lot.currency_code,
            duration_seconds: String(lot.duration_seconds),
            soft_close_seconds: lot.soft_close_seconds === null ? "" : String(lot.soft_close_seconds),
            soft_close_mode: lot.soft_close_mode,
          }
        : null
    )
  }, [lot])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!lot || !value) {
      return
    }
    const { currency_code: _currency, ...input } = toLotInput(value)
    update.mutate(
      { id: lot.id, ...input },
      {
        onSuccess: () => {
          toast.success("Lot saved")
          onClose()
        },
        onError: (err) => toast.error(describeError(err)),
      }
    )
  }

  return (
    <Drawer open={!!lot} onOpenChange={(open) => (!open ? onClose() : undefined)}>
      <Drawer.Content>
        <form onSubmit={submit} className="flex h-full flex-col">
          <Drawer.Header>
            <Drawer.Title>Edit lot</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex-1 overflow-y-auto">
            {value ? <LotSettingsFields value={value} onChange={setValue} currencyEditable={false} /> : null}
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={update.isPending}>
              Save
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
