import { Input, Select, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useMe, useSaveShow, useSellers } from "../hooks/live"
import { describeError } from "../lib/api"
import type { Show } from "../lib/types"
import { Field, FormModal } from "./form-modal"

/** `datetime-local` works in local time without a zone; the API takes ISO 8601. */
const toLocalInput = (iso: string | null | undefined) => {
  if (!iso) {
    return ""
  }
  const d = new Date(iso)
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}

type Props = { show?: Show; open: boolean; onOpenChange: (open: boolean) => void; onSaved?: (show: Show) => void }

/** The Select's value for "the admin user creating it" (no `seller_id` sent). */
const ME = "me"

/**
 * Create or edit a show: title, description, when it is scheduled, an external playback URL, and
 * (staff) which seller runs it.
 */
export const ShowForm = ({ show, open, onOpenChange, onSaved }: Props) => {
  const save = useSaveShow(show?.id)
  const me = useMe()
  const isStaff = me.data?.role === "staff"
  const sellers = useSellers(open && isStaff)
  const [sellerId, setSellerId] = useState(ME)
  const [title, setTitle] = useState("")
  const [description, setDescription] = useState("")
  const [scheduledAt, setScheduledAt] = useState("")
  const [playbackUrl, setPlaybackUrl] = useState("")

  useEffect(() => {
    if (open) {
      setTitle(show?.title ?? "")
      setDescription(show?.description ?? "")
      setScheduledAt(toLocalInput(show?.scheduled_at))
      setPlaybackUrl(show?.playback_url ?? "")
      setSellerId(show?.seller_id ?? ME)
    }
  }, [open, show])

  const submit = () =>
    save.mutate(
      {
        title,
        description: description || null,
        scheduled_at: scheduledAt ? new Date(scheduledAt).toISOString() : null,
        playback_url: playbackUrl || null,
        ...(isStaff && sellerId !== ME && sellerId !== show?.seller_id ? { seller_id: sellerId } : {}),
      },
      {
        onSuccess: ({ show: saved }) => {
          toast.success(show ? "Show saved" : "Show created")
          onOpenChange(false)
          onSaved?.(saved)
        },
        onError: (err) => toast.error(describeError(err)),
      }
    )

  return (
    <FormModal
      open={open}
      onOpenChange={onOpenChange}
      heading={show ? "Edit show" : "Create show"}
      submitLabel="Save"
      pending={save.isPending}
      onSubmit={submit}
    >
      <Field id="show-title" label="Title">
        <Input id="show-title" name="title" value={title} onChange={(e) => setTitle(e.target.value)} required />
      </Field>
      <Field id="show-description" label="Description">
        <Textarea id="show-description" name="description" value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      <Field id="show-scheduled-at" label="Scheduled at">
        <Input
          id="show-scheduled-at"
          name="scheduled_at"
          type="datetime-local"
          value={scheduledAt}
          onChange={(e) => setScheduledAt(e.target.value)}
        />
      </Field>
      <Field id="show-playback-url" label="Playback URL">
        <Input
          id="show-playback-url"
          name="playback_url"
          type="url"
          placeholder="https://…"
          value={playbackUrl}
          onChange={(e) => setPlaybackUrl(e.target.value)}
        />
      </Field>
      {isStaff && sellers.data?.sellers.length ? (
        <Field label="Seller">
          <Select value={sellerId} onValueChange={setSellerId}>
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {/* Run by the staff member creating it, or (editing) by its current non-seller admin. */}
              {sellers.data.sellers.some((p) => p.user_id === sellerId) ? null : (
                <Select.Item value={sellerId}>{show ? "Its current admin (staff)" : "Me (staff)"}</Select.Item>
              )}
              {sellers.data.sellers.map((p) => (
                <Select.Item key={p.id} value={p.user_id}>
                  {p.display_name} (@{p.handle})
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
      ) : null}
    </FormModal>
  )
}
