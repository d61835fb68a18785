import { useEffect, useState } from "react"
import { anonymousChatLine, chatNotice, type ChatShowStatus, type ChatState } from "../chat"
import { useSession } from "../session"
import { useChat } from "../use-chat"
import { ChatComposer } from "./ChatComposer"
import { ChatFeed } from "./ChatFeed"
import { ChatQuestions } from "./ChatQuestions"
import { ProblemLine } from "./ProblemLine"

/**
 * The show's chat beside the video (below it on a phone): the pinned message, the questions lane,
 * the live feed and the send box, or for anonymous viewers "Log in to chat" (or why chat is closed). Every text is
 * rendered as a React text node, never as HTML.
 */
export function ChatPanel({ showId, showStatus, roomJoins }: { showId: string; showStatus: ChatShowStatus; roomJoins: number }) {
  const { customer, clockOffset } = useSession()
  const chat = useChat(showId, roomJoins)
  const { state } = chat
  const now = useServerNow(clockOffset, hasCountdown(state, Date.now() + clockOffset))
  const notice = chatNotice(state, showStatus, now)
  const anonymous = anonymousChatLine(showStatus)

  return (
    <section className="chat" data-testid="chat-panel" aria-label="Chat">
      <header className="chat-head">
        <h3>Chat</h3>
        {state.slowModeSeconds > 0 && (
          <span className="chat-slow" data-testid="chat-slow-mode">
            Slow mode: {state.slowModeSeconds} s
          </span>
        )}
      </header>
      {state.pinned && (
        <p className="chat-pinned" data-testid="chat-pinned">
          <span className="chat-pinned-label">Pinned</span>{" "}
          <strong>{state.pinned.display_name}</strong> {state.pinned.text}
        </p>
      )}
      <ChatQuestions questions={state.questions} moderator={state.moderator} moderate={chat.moderate} />
      <ChatFeed chat={chat} myId={customer?.id ?? null} />
      <ProblemLine problem={chat.problem} />
      {customer ? (
        <ChatComposer notice={notice} send={chat.send} onEdit={() => chat.dispatch({ type: "clear_refusal" })} />
      ) : (
        <p className="chat-login" data-testid="chat-login" data-code={anonymous.code}>
          {anonymous.text}
        </p>
      )}
    </section>
  )
}

/** A mute or a wait still running: the notice counts it down. */
const hasCountdown = (s: ChatState, now: number) => (s.mutedUntil ?? 0) > now || (s.waitUntil ?? 0) > now

/** The server's clock (ms), ticking every second while a countdown is shown. */
function useServerNow(clockOffset: number, ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!ticking) {
      return
    }
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [ticking])
  return now + clockOffset
}
