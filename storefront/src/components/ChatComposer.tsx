import { useState, type FormEvent, type KeyboardEvent } from "react"
import { CHAT_MAX_LENGTH, messageLength, type ChatNotice } from "../chat"

type Props = {
  /** Why the viewer cannot send now (or a refusal to read), null when they can. */
  notice: ChatNotice | null
  send: (text: string, kind: "message" | "question") => Promise<boolean>
  /** Typing clears the last refusal (a blocked word…): the new text may be fine. */
  onEdit: () => void
}

/** The send box: 500 characters with a counter, "Ask as a question", and the line saying why not. */
export function ChatComposer({ notice, send, onEdit }: Props) {
  const [text, setText] = useState("")
  const [question, setQuestion] = useState(false)
  const [busy, setBusy] = useState(false)
  const length = messageLength(text)
  const tooLong = length > CHAT_MAX_LENGTH
  const disabled = notice?.blocksInput ?? false
  const canSend = !disabled && !busy && length > 0 && !tooLong && !notice?.blocksSend

  const submit = async (e?: FormEvent) => {
    e?.preventDefault()
    if (!canSend) {
      return
    }
    setBusy(true)
    const sent = await send(text, question ? "question" : "message")
    setBusy(false)
    if (sent) {
      setText("")
      setQuestion(false)
    }
  }

  // Enter sends, Shift+Enter starts a new line (as chat apps do).
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault()
      void submit()
    }
  }

  return (
    <form className="chat-composer" onSubmit={(e) => void submit(e)}>
      {notice && (
        <p className={`chat-notice ${notice.blocksInput ? "closed" : ""}`} data-testid="chat-notice" data-code={notice.code} role="status">
          {notice.text}
        </p>
      )}
      <textarea
        data-testid="chat-input"
        aria-label="Message"
        rows={2}
        placeholder={question ? "Ask the seller a question…" : "Say something…"}
        value={text}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value)
          onEdit()
        }}
        onKeyDown={onKeyDown}
      />
      <div className="chat-actions">
        <label className="chat-ask">
          <input type="checkbox" data-testid="chat-ask-toggle" checked={question} disabled={disabled} onChange={(e) => setQuestion(e.target.checked)} />
          Ask as a question
        </label>
        <span className={tooLong ? "chat-count over" : "chat-count muted"} aria-live="polite">
          {length}/{CHAT_MAX_LENGTH}
        </span>
        <button type="submit" className="primary" data-testid="chat-send" disabled={!canSend}>
          {busy ? "Sending…" : question ? "Ask" : "Send"}
        </button>
      </div>
    </form>
  )
}
