import { Button, FocusModal, Heading, Label } from "@medusajs/ui"
import type { FormEvent, ReactNode } from "react"

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  heading: string
  submitLabel: string
  pending: boolean
  submitDisabled?: boolean
  onSubmit: () => void
  children: ReactNode
}

/** A form in a FocusModal, as Medusa's own create pages are: Cancel and submit in the header. */
export const FormModal = ({ open, onOpenChange, heading, submitLabel, pending, submitDisabled, onSubmit, children }: Props) => {
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onSubmit()
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
              <Button size="small" type="submit" disabled={submitDisabled} isLoading={pending}>
                {submitLabel}
              </Button>
            </div>
          </FocusModal.Header>
          <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-16">
            <div className="flex w-full max-w-[640px] flex-col gap-y-6">
              {/* The dialog's accessible name (Radix requires a Title in every dialog). */}
              <FocusModal.Title asChild>
                <Heading>{heading}</Heading>
              </FocusModal.Title>
              {children}
            </div>
          </FocusModal.Body>
        </form>
      </FocusModal.Content>
    </FocusModal>
  )
}

/** A labelled form control. */
export const Field = ({ id, label, className, children }: { id?: string; label: string; className?: string; children: ReactNode }) => (
  <div className={`flex flex-col gap-y-2 ${className ?? ""}`}>
    <Label htmlFor={id}>{label}</Label>
    {children}
  </div>
)
