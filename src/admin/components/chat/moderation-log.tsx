import { Text } from "@medusajs/ui"
import { useChatLog, type ChatLogEntry } from "../../hooks/chat"
import { ErrorText } from "../error-text"

const detailText = (detail: unknown) =>
  detail === null || detail === undefined ? "" : typeof detail === "string" ? detail : JSON.stringify(detail)

// Names from the server (`actor_name`, `target_customer_name`); ids where there is no name.
const target = (e: ChatLogEntry) => [e.target_customer_name ?? e.target_customer_id, e.target_message_id].filter(Boolean).join(" · ")

/** Who did what to whom, newest first: read again after every action (the panel's mutations invalidate it). */
export const ModerationLog = ({ showId }: { showId: string }) => {
  const log = useChatLog(showId)
  const entries = log.data?.entries ?? []
  return (
    <div className="flex flex-col gap-y-2">
      <Text size="small" weight="plus">
        Moderation log {log.data ? `(${log.data.count})` : ""}
      </Text>
      <ul className="flex max-h-64 flex-col gap-y-1 overflow-y-auto" data-testid="mod-log">
        {entries.map((e) => (
          <li key={e.id} className="txt-compact-small flex flex-wrap gap-x-3" data-testid="mod-log-entry" data-action={e.action}>
            <span className="text-ui-fg-subtle">{new Date(e.created_at).toLocaleString()}</span>
            <span data-testid="mod-log-actor">
              {e.actor.startsWith("customer:") ? `moderator ${e.actor_name}` : e.actor_name}
            </span>
            <span className="font-medium">{e.action.replace(/_/g, " ")}</span>
            <span className="text-ui-fg-subtle" data-testid="mod-log-target">
              {target(e)}
            </span>
            <span className="text-ui-fg-subtle break-all">{detailText(e.detail)}</span>
          </li>
        ))}
        {log.data && !entries.length ? <li className="txt-compact-small text-ui-fg-subtle">Nothing yet.</li> : null}
      </ul>
      <ErrorText error={log.error} />
    </div>
  )
}
