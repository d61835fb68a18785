import { EllipsisHorizontal } from "@medusajs/icons"
import { Badge, DropdownMenu, IconButton, Prompt, Text } from "@medusajs/ui"
import { useState } from "react"
import type { ChatMessage } from "../../../realtime/contract/chat"
import type { ChatActionInput } from "../../hooks/chat"
import type { Moderate } from "./use-moderate"

const MUTES = [
  { id: "5m", label: "5 minutes", seconds: 5 * 60 },
  { id: "15m", label: "15 minutes", seconds: 15 * 60 },
  { id: "1h", label: "1 hour", seconds: 60 * 60 },
  { id: "24h", label: "24 hours", seconds: 24 * 60 * 60 },
]

type Confirm = { title: string; description: string; input: ChatActionInput; done: string }

/**
 * One line of the chat feed, with what the seller may do to it and its author. Removing and
 * blocking ask first; the rest act at once. The text is a text node, never HTML.
 */
export const MessageRow = ({
  message,
  pinned,
  isModerator,
  moderate,
  onDeleted,
}: {
  message: ChatMessage
  pinned: boolean
  isModerator: boolean
  moderate: Moderate
  onDeleted: (id: string) => void
}) => {
  const [confirm, setConfirm] = useState<Confirm | null>(null)
  const target = { customer_id: message.customer_id }
  const who = message.display_name

  return (
    <li
      className="hover:bg-ui-bg-base-hover group flex items-start gap-x-2 rounded-md px-2 py-1"
      data-testid="mod-message"
      data-message-id={message.id}
      data-customer-id={message.customer_id}
    >
      <div className="min-w-0 flex-1">
        <Text size="small" as="span" weight="plus" className="mr-2">
          {who}
        </Text>
        {isModerator ? (
          <Badge size="2xsmall" color="blue" className="mr-2">
            mod
          </Badge>
        ) : null}
        {message.kind === "question" ? (
          <Badge size="2xsmall" color="orange" className="mr-2">
            question
          </Badge>
        ) : null}
        <Text size="small" as="span" className="break-words" data-testid="mod-message-text">
          {message.text}
        </Text>
      </div>
      <Text size="xsmall" className="text-ui-fg-muted shrink-0 pt-0.5">
        {new Date(message.created_at).toLocaleTimeString()}
      </Text>
      {/* Not modal: a confirmation prompt opened from an item must not find the page locked. */}
      <DropdownMenu modal={false}>
        <DropdownMenu.Trigger asChild>
          <IconButton size="2xsmall" variant="transparent" aria-label={`Moderate ${who}'s message`} data-testid="mod-message-actions">
            <EllipsisHorizontal />
          </IconButton>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="end">
          <DropdownMenu.Item
            data-testid="mod-delete"
            onSelect={() =>
              moderate({ method: "DELETE", path: `/messages/${message.id}` }, "Message deleted", () => onDeleted(message.id))
            }
          >
            Delete message
          </DropdownMenu.Item>
          {pinned ? (
            <DropdownMenu.Item data-testid="mod-message-unpin" onSelect={() => moderate({ method: "DELETE", path: "/pin" }, "Unpinned")}>
              Unpin
            </DropdownMenu.Item>
          ) : (
            <DropdownMenu.Item
              data-testid="mod-pin"
              onSelect={() => moderate({ method: "POST", path: "/pin", body: { message_id: message.id } }, "Message pinned")}
            >
              Pin message
            </DropdownMenu.Item>
          )}
          <DropdownMenu.Separator />
          <DropdownMenu.Label>Mute {who}</DropdownMenu.Label>
          {MUTES.map((m) => (
            <DropdownMenu.Item
              key={m.id}
              data-testid={`mod-mute-${m.id}`}
              onSelect={() =>
                moderate({ method: "POST", path: "/mutes", body: { ...target, duration_seconds: m.seconds } }, `${who} muted for ${m.label}`)
              }
            >
              For {m.label}
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator />
          <DropdownMenu.Item
            data-testid="mod-remove"
            onSelect={() =>
              setConfirm({
                title: `Remove ${who} from this show?`,
                description: "They cannot chat in this show again until it ends.",
                input: { method: "POST", path: "/removals", body: target },
                done: `${who} removed from the show`,
              })
            }
          >
            Remove from show
          </DropdownMenu.Item>
          <DropdownMenu.Item
            data-testid="mod-block"
            className="text-ui-fg-error"
            onSelect={() =>
              setConfirm({
                title: `Block ${who}?`,
                description: "They cannot chat in any of your shows until you lift the block.",
                input: { method: "POST", path: "/blocks", body: target },
                done: `${who} blocked`,
              })
            }
          >
            Block from all my shows
          </DropdownMenu.Item>
          <DropdownMenu.Separator />
          <DropdownMenu.Item
            data-testid="mod-make-moderator"
            disabled={isModerator}
            onSelect={() => moderate({ method: "POST", path: "/moderators", body: target }, `${who} is a moderator`)}
          >
            Make moderator
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu>
      <Prompt open={!!confirm} onOpenChange={(open) => !open && setConfirm(null)}>
        <Prompt.Content>
          <Prompt.Header>
            <Prompt.Title>{confirm?.title}</Prompt.Title>
            <Prompt.Description>{confirm?.description}</Prompt.Description>
          </Prompt.Header>
          <Prompt.Footer>
            <Prompt.Cancel>Cancel</Prompt.Cancel>
            <Prompt.Action
              data-testid="mod-confirm"
              onClick={() => {
                if (confirm) {
                  moderate(confirm.input, confirm.done)
                }
                setConfirm(null)
              }}
            >
              Confirm
            </Prompt.Action>
          </Prompt.Footer>
        </Prompt.Content>
      </Prompt>
    </li>
  )
}
