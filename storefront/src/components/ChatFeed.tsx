import type { ChatMessage } from "medusa-plugin-live-commerce/realtime/contract"
import { useLayoutEffect, useRef, useState } from "react"
import type { useChat } from "../use-chat"

/** How near the bottom (or top) counts as there, in pixels. */
const EDGE_PX = 48

/**
 * The live feed, newest at the bottom. It follows new messages while the reader is at the bottom;
 * scrolled up, it stays put and offers a jump to the new ones. Scrolling to the top loads the
 * page before (the view keeps its place).
 */
export function ChatFeed({ chat, myId }: { chat: ReturnType<typeof useChat>; myId: string | null }) {
  const { state, followingRef, loadOlder, moderate } = chat
  const { messages } = state
  const listRef = useRef<HTMLOListElement>(null)
  const [following, setFollowing] = useState(true)
  const [seenSeq, setSeenSeq] = useState(0)
  const before = useRef({ firstId: "", lastId: "", height: 0 })
  const lastSeq = messages.at(-1)?.seq ?? 0

  useLayoutEffect(() => {
    const el = listRef.current
    if (!el) {
      return
    }
    const first = messages[0]?.id ?? ""
    const last = messages.at(-1)
    const was = before.current
    const mineJustSent = last !== undefined && last.id !== was.lastId && last.customer_id === myId
    if (followingRef.current || mineJustSent) {
      el.scrollTop = el.scrollHeight
      setSeenSeq(last?.seq ?? 0)
    } else if (first !== was.firstId && last?.id === was.lastId) {
      el.scrollTop += el.scrollHeight - was.height // an older page went in above: stay on the same messages
    }
    before.current = { firstId: first, lastId: last?.id ?? "", height: el.scrollHeight }
  }, [messages, followingRef, myId])

  const onScroll = () => {
    const el = listRef.current
    if (!el) {
      return
    }
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < EDGE_PX
    followingRef.current = atBottom
    setFollowing(atBottom)
    if (atBottom) {
      setSeenSeq(lastSeq)
    }
    if (el.scrollTop < EDGE_PX) {
      void loadOlder()
    }
  }

  const jump = () => {
    const el = listRef.current
    if (el) {
      el.scrollTop = el.scrollHeight
    }
    followingRef.current = true
    setFollowing(true)
    setSeenSeq(lastSeq)
  }

  const unseen = following ? 0 : messages.filter((m) => m.seq > seenSeq).length
  return (
    <div className="chat-feed-wrap">
      <ol className="chat-feed" data-testid="chat-feed" ref={listRef} onScroll={onScroll} aria-live="polite" aria-relevant="additions">
        {state.olderCursor && (
          <li className="chat-older">
            <button type="button" className="link" onClick={() => void loadOlder()}>
              Earlier messages
            </button>
          </li>
        )}
        {state.loaded && messages.length === 0 && <li className="muted">No messages yet: say hello.</li>}
        {!state.loaded && <li className="muted">Loading the chat…</li>}
        {messages.map((m) => (
          <ChatRow key={m.id} message={m} mine={m.customer_id === myId} onDelete={state.moderator ? moderate.delete : null} />
        ))}
      </ol>
      {unseen > 0 && (
        <button type="button" className="chat-jump primary" onClick={jump}>
          {unseen} new message{unseen === 1 ? "" : "s"} ↓
        </button>
      )}
    </div>
  )
}

function ChatRow({ message: m, mine, onDelete }: { message: ChatMessage; mine: boolean; onDelete: ((id: string) => Promise<void>) | null }) {
  return (
    <li
      className={mine ? "chat-message mine" : "chat-message"}
      data-testid="chat-message"
      data-message-id={m.id}
      data-seq={m.seq}
      title={new Date(m.created_at).toLocaleTimeString()}
    >
      <strong className="chat-author" data-testid="chat-message-author">
        {m.display_name}
      </strong>{" "}
      {m.kind === "question" && <span className="chat-q">{m.question_state === "answered" ? "Q ✓" : "Q"}</span>}{" "}
      <span className="chat-text" data-testid="chat-message-text">
        {m.text}
      </span>
      {onDelete && (
        <button type="button" className="link chat-delete" data-testid="chat-delete" aria-label="Delete message" onClick={() => void onDelete(m.id)}>
          Delete
        </button>
      )}
    </li>
  )
}
