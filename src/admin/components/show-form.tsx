import { Button, FocusModal, Heading, Input, Label, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState, type FormEvent } from "react"
import { useSaveShow } from "../hooks/live"
import { describeError } from "../lib/api"
import type { Show } from "../lib/types"

/** `datetime-local` works in local time without a zone; the API takes ISO 8601. */
const toLocalInput = (iso: string | null | undefined) => {
  if (!iso) {
    return ""
  }
  const d = new Date(iso)
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}

type Props = { show?: Show; open: boolean; onOpenChange: (open: boolean) => void; onSaved?: (show: Show) => void }

/** Create or edit a show: title, description, when it is scheduled, an external playback URL. */
export const ShowForm = ({ show, open, onOpenChange, onSaved }: Props) => {
  const save = useSaveShow(show?.id)
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
    }
  }, [open, show])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate(
      {
        title,
        description: description || null,
        scheduled_at: scheduledAt ? new Date(scheduledAt).toISOString() : null,
        playback_url: playbackUrl || null,
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
  }

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content>
        <form onSubmit={submit} className="flex h-full flex-col overflow-hidden">
          <FocusModal.Header>
            <div className="flex items-center justify-end gap-x-2">
              <FocusModal.Close asChild>
                <Button size="small" variant="secondary" type="button">
                  Cancel
                </Button>
              </FocusModal.Close>
              <Button size="small" type="submit" isLoading={save.isPending}>
                Save
              </Button>
            </div>
          </FocusModal.Header>
          <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-16">
            <div className="flex w-full max-w-[560px] flex-col gap-y-6">
              <Heading>{show ? "Edit show" : "Create show"}</Heading>
              <div className="flex flex-col gap-y-2">
                <Label htmlFor="show-title">Title</Label>
                <Input id="show-title" name="title" value={title} onChange={(e) => setTitle(e.target.value)} required />
              </div>
              <div className="flex flex-col gap-y-2">
                <Label htmlFor="show-description">Description</Label>
                <Textarea
                  id="show-description"
                  name="description"
                  value={description}
                  onChange={(e) => setDescription(e.target.value)}
                />
              </div>
              <div className="flex flex-col gap-y-2">
                <Label htmlFor="show-scheduled-at">Scheduled at</Label>
                <Input
                  id="show-scheduled-at"
                  name="scheduled_at"
                  type="datetime-local"
                  value={scheduledAt}
                  onChange={(e) => setScheduledAt(e.target.value)}
                />
              </div>
              <div className="flex flex-col gap-y-2">
                <Label htmlFor="show-playback-url">Playback URL</Label>
                <Input
                  id="show-playback-url"
                  name="playback_url"
                  type="url"
                  placeholder="https://…"
                  value={playbackUrl}
                  onChange={(e) => setPlaybackUrl(e.target.value)}
                />
              </div>
            </div>
          </FocusModal.Body>
        </form>
      </FocusModal.Content>
    </FocusModal>
  )
}
