import type { ChatMessage } from "medusa-plugin-live-commerce/realtime/contract"
import { useState, type FormEvent } from "react"

type Moderate = { answer: (id: string, text: string) => Promise<void>; dismiss: (id: string) => Promise<void> }

/** The questions lane: open questions and answered ones with the answer under them, newest first. */
export function ChatQuestions({ questions, moderator, moderate }: { questions: ChatMessage[]; moderator: boolean; moderate: Moderate }) {
  const [open, setOpen] = useState(true)
  const waiting = questions.filter((q) => q.question_state === "open").length
  return (
    <section className="chat-questions" data-testid="chat-questions" aria-label="Questions">
      <button type="button" className="link chat-questions-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        Questions ({questions.length}
        {waiting ? `, ${waiting} open` : ""}) {open ? "▾" : "▸"}
      </button>
      {open && (
        <ol className="chat-question-list">
          {questions.length === 0 && <li className="muted">No questions yet. Tick "Ask as a question" to ask the seller.</li>}
          {questions.map((q) => (
            <li key={q.id} data-testid="chat-question" data-state={q.question_state ?? "open"} data-message-id={q.id}>
              <strong>{q.display_name}</strong> <span>{q.text}</span>
              {q.question_state === "answered" && q.answer_text !== null && (
                <p className="chat-answer" data-testid="chat-answer">
                  <span className="muted">Answer: </span>
                  {q.answer_text}
                </p>
              )}
              {moderator && q.question_state === "open" && <AnswerForm id={q.id} moderate={moderate} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

/** A moderator's answer (or dismissal) of one open question. */
function AnswerForm({ id, moderate }: { id: string; moderate: Moderate }) {
  const [text, setText] = useState("")
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!text.trim()) {
      return
    }
    setBusy(true)
    await moderate.answer(id, text.trim())
    setBusy(false)
  }
  return (
    <form className="chat-answer-form" onSubmit={(e) => void submit(e)}>
      <input data-testid="chat-answer-input" aria-label="Answer" value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} />
      <button type="submit" data-testid="chat-answer-submit" disabled={busy || !text.trim()}>
        Answer
      </button>
      <button type="button" className="link" data-testid="chat-dismiss" disabled={busy} onClick={() => void moderate.dismiss(id)}>
        Dismiss
      </button>
    </form>
  )
}
