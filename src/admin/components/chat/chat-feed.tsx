import { Button, Text } from "@medusajs/ui"
import { useEffect, useRef } from "react"
import type { ChatFeed } from "../../hooks/use-chat-feed"
import { ErrorText } from "../error-text"
import { MessageRow } from "./message-row"
import type { Moderate } from "./use-moderate"

/**
 * The live chat, oldest at the top: "Load older" (or scrolling to the top) reads the page before.
 * It follows new messages while the seller is at the bottom, and stays put while they read back.
 */
export const ChatFeedList = ({
  feed,
  pinnedId,
  moderatorIds,
  moderate,
}: {
  feed: ChatFeed
  pinnedId: string | null
  moderatorIds: Set<string>
  moderate: Moderate
}) => {
  const box = useRef<HTMLUListElement>(null)
  const atBottom = useRef(true)
  const newest = feed.messages.at(-1)?.id
  const oldest = feed.messages[0]?.id
  const heightBefore = useRef<number | null>(null)

  useEffect(() => {
    const el = box.current
    if (el && atBottom.current) {
      el.scrollTop = el.scrollHeight
    }
  }, [newest])

  // Older messages came in above: keep the ones being read where they were.
  useEffect(() => {
    const el = box.current
    if (el && heightBefore.current !== null) {
      el.scrollTop += el.scrollHeight - heightBefore.current
      heightBefore.current = null
    }
  }, [oldest])

  const loadOlder = () => {
    if (feed.hasOlder && !feed.loadingOlder) {
      heightBefore.current = box.current?.scrollHeight ?? null
      feed.loadOlder()
    }
  }

  return (
    <div className="flex flex-col gap-y-2">
      <ul
        ref={box}
        className="flex h-96 flex-col gap-y-0.5 overflow-y-auto"
        data-testid="mod-feed"
        onScroll={(e) => {
          const el = e.currentTarget
          atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40
          if (el.scrollTop === 0) {
            loadOlder()
          }
        }}
      >
        {feed.hasOlder ? (
          <li className="flex justify-center py-1">
            <Button size="small" variant="transparent" isLoading={feed.loadingOlder} onClick={loadOlder} data-testid="mod-load-older">
              Load older
            </Button>
          </li>
        ) : null}
        {feed.messages.map((m) => (
          <MessageRow
            key={m.id}
            message={m}
            pinned={m.id === pinnedId}
            isModerator={moderatorIds.has(m.customer_id)}
            moderate={moderate}
            onDeleted={feed.drop}
          />
        ))}
        {!feed.loading && !feed.messages.length ? (
          <li>
            <Text size="small" className="text-ui-fg-subtle">
              No messages yet.
            </Text>
          </li>
        ) : null}
      </ul>
      <ErrorText error={feed.error} />
    </div>
  )
}
