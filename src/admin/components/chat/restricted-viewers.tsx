import { Badge, Button, Text } from "@medusajs/ui"
import { useChatRestrictions, type ChatRestriction } from "../../hooks/chat"
import { ErrorText } from "../error-text"
import type { Moderate } from "./use-moderate"

/** Per kind: its badge, the lift button and the existing route that lifts it. */
const LIFT: Record<ChatRestriction["kind"], { badge: string; button: string; done: string; path: (customerId: string) => string }> = {
  mute: { badge: "Muted", button: "Unmute", done: "Unmuted", path: (id) => `/mutes/${id}` },
  removal: { badge: "Removed", button: "Let back in", done: "Let back in", path: (id) => `/removals/${id}` },
  block: { badge: "Blocked (all your shows)", button: "Unblock", done: "Unblocked", path: (id) => `/blocks/${id}` },
}

const since = (r: ChatRestriction) =>
  r.until ? `until ${new Date(r.until).toLocaleTimeString()}` : `since ${new Date(r.created_at).toLocaleString()}`

/** The viewers muted, removed or blocked now, newest first, each with the button that lifts it. */
export const RestrictedViewers = ({ showId, moderate, pending }: { showId: string; moderate: Moderate; pending: boolean }) => {
  const list = useChatRestrictions(showId)
  const restrictions = list.data?.restrictions ?? []
  return (
    <div className="flex flex-col gap-y-2" data-testid="restricted-viewers">
      <Text size="small" weight="plus">
        Restricted viewers {list.data ? `(${restrictions.length})` : ""}
      </Text>
      <ul className="flex max-h-64 flex-col gap-y-1 overflow-y-auto">
        {restrictions.map((r) => {
          const lift = LIFT[r.kind]
          const name = r.customer?.name ?? r.customer_id
          return (
            <li
              key={`${r.kind}:${r.customer_id}`}
              className="flex items-center justify-between gap-x-2"
              data-testid="restricted-viewer"
              data-kind={r.kind}
              data-customer-id={r.customer_id}
            >
              <div className="min-w-0">
                <Text size="small" className="truncate">
                  {name} <Badge size="2xsmall">{lift.badge}</Badge>
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle truncate">
                  {since(r)} · by {r.created_by_name}
                </Text>
              </div>
              <Button
                size="small"
                variant="secondary"
                disabled={pending}
                data-testid="restricted-viewer-lift"
                onClick={() => moderate({ method: "DELETE", path: lift.path(r.customer_id) }, `${lift.done}: ${name}`)}
              >
                {lift.button}
              </Button>
            </li>
          )
        })}
        {list.data && !restrictions.length ? <li className="txt-compact-small text-ui-fg-subtle">Nobody is restricted.</li> : null}
      </ul>
      <ErrorText error={list.error} />
    </div>
  )
}
