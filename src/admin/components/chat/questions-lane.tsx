import { Badge, Button, Input, Text } from "@medusajs/ui"
import { useState } from "react"
import type { ChatMessage } from "../../../realtime/contract/chat"
import type { Moderate } from "./use-moderate"

/** An open question: answer it inline (viewers see the answer) or dismiss it. */
const OpenQuestion = ({ question, moderate, pending }: { question: ChatMessage; moderate: Moderate; pending: boolean }) => {
  const [answer, setAnswer] = useState("")
  const submit = () => {
    if (answer.trim()) {
      moderate(
        { method: "POST", path: `/messages/${question.id}/answer`, body: { answer_text: answer.trim() } },
        "Question answered",
        () => setAnswer("")
      )
    }
  }
  return (
    <form
      className="flex items-center gap-x-2"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <Input
        size="small"
        placeholder="Your answer"
        aria-label={`Answer ${question.display_name}`}
        value={answer}
        maxLength={2000}
        onChange={(e) => setAnswer(e.target.value)}
        data-testid="mod-answer-input"
      />
      <Button size="small" type="submit" disabled={!answer.trim() || pending} data-testid="mod-answer-submit">
        Answer
      </Button>
      <Button
        size="small"
        type="button"
        variant="secondary"
        disabled={pending}
        data-testid="mod-dismiss"
        onClick={() => moderate({ method: "POST", path: `/messages/${question.id}/dismiss` }, "Question dismissed")}
      >
        Dismiss
      </Button>
    </form>
  )
}

/** The questions lane: open ones first (oldest waiting longest at the top), then answered ones with their answers. */
export const QuestionsLane = ({ questions, moderate, pending }: { questions: ChatMessage[]; moderate: Moderate; pending: boolean }) => {
  const open = questions.filter((q) => q.question_state === "open").sort((a, b) => a.seq - b.seq)
  const answered = questions.filter((q) => q.question_state === "answered")
  return (
    <div className="flex flex-col gap-y-2" data-testid="mod-questions">
      <Text size="small" weight="plus">
        Questions ({open.length} open)
      </Text>
      {!questions.length ? (
        <Text size="small" className="text-ui-fg-subtle">
          No questions yet.
        </Text>
      ) : null}
      <ul className="flex max-h-96 flex-col gap-y-2 overflow-y-auto">
        {[...open, ...answered].map((q) => (
          <li key={q.id} className="flex flex-col gap-y-1 rounded-md border px-3 py-2" data-testid="mod-question" data-state={q.question_state}>
            <div className="flex items-center gap-x-2">
              <Text size="small" weight="plus">
                {q.display_name}
              </Text>
              <Badge size="2xsmall" color={q.question_state === "open" ? "orange" : "green"}>
                {q.question_state}
              </Badge>
            </div>
            <Text size="small" className="break-words">
              {q.text}
            </Text>
            {q.question_state === "open" ? (
              <OpenQuestion question={q} moderate={moderate} pending={pending} />
            ) : (
              <Text size="small" className="text-ui-fg-subtle break-words" data-testid="mod-question-answer">
                Answer: {q.answer_text}
              </Text>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
