import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useChatModerators, useChatSnapshot } from "../hooks/chat"
import { useChatFeed } from "../hooks/use-chat-feed"
import type { LiveChatSource } from "../lib/realtime"
import type { Show } from "../lib/types"
import { ChatFeedList } from "./chat/chat-feed"
import { ChatSettings } from "./chat/chat-settings"
import { ModerationLog } from "./chat/moderation-log"
import { QuestionsLane } from "./chat/questions-lane"
import { RestrictedViewers } from "./chat/restricted-viewers"
import { useModerate } from "./chat/use-moderate"
import { ErrorText } from "./error-text"

/**
 * The show's chat for its seller (and staff) to run (issue #16): the live feed with an action
 * menu per message, the pinned message, the questions lane, the chat's rules, the restricted
 * viewers (with the buttons that lift each restriction) and the moderation log. Live events come from the console's socket (`show:<id>` room, `chat`); the rest over HTTP.
 */
export const ShowChatPanel = ({ show, live, staff }: { show: Show; live: LiveChatSource; staff: boolean }) => {
  const snapshot = useChatSnapshot(show.id)
  const feed = useChatFeed(show.id, live)
  const moderators = useChatModerators(show.id)
  const { moderate, pending } = useModerate(show.id)
  const chat = snapshot.data?.chat
  const pinned = chat?.pinned ?? null
  const moderatorIds = new Set((moderators.data?.moderators ?? []).map((m) => m.customer_id))

  return (
    <Container className="divide-y p-0" data-testid="chat-moderation">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Chat</Heading>
        <div className="flex items-center gap-x-2">
          {chat?.slow_mode_seconds ? <Badge size="2xsmall">slow mode {chat.slow_mode_seconds}s</Badge> : null}
          <Text size="small" className="text-ui-fg-subtle">
            {feed.messages.length} messages loaded
          </Text>
        </div>
      </div>
      {pinned ? (
        <div className="bg-ui-bg-subtle flex items-center justify-between gap-x-4 px-6 py-3" data-testid="mod-pinned" data-message-id={pinned.id}>
          <div className="min-w-0">
            <Text size="xsmall" className="text-ui-fg-subtle">
              Pinned · {pinned.display_name}
            </Text>
            <Text size="small" className="break-words">
              {pinned.text}
            </Text>
          </div>
          <Button
            size="small"
            variant="secondary"
            disabled={pending}
            data-testid="mod-unpin"
            onClick={() => moderate({ method: "DELETE", path: "/pin" }, "Unpinned")}
          >
            Unpin
          </Button>
        </div>
      ) : null}
      <div className="grid gap-6 px-6 py-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <ChatFeedList feed={feed} pinnedId={pinned?.id ?? null} moderatorIds={moderatorIds} moderate={moderate} />
        </div>
        <QuestionsLane questions={chat?.questions ?? []} moderate={moderate} pending={pending} />
      </div>
      <div className="grid gap-6 px-6 py-4 lg:grid-cols-2">
        <ChatSettings showId={show.id} slowMode={chat?.slow_mode_seconds} staff={staff} moderate={moderate} pending={pending} />
        <div className="flex flex-col gap-y-6">
          <RestrictedViewers showId={show.id} moderate={moderate} pending={pending} />
          <ModerationLog showId={show.id} />
        </div>
      </div>
      <ErrorText error={snapshot.error} className="px-6 py-3" data-testid="chat-error" />
    </Container>
  )
}
