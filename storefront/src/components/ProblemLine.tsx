import type { Problem } from "../medusa"

/** A refusal, as the server said it: its machine code and its message. */
export function ProblemLine({ problem }: { problem: Problem | null }) {
  if (!problem) {
    return null
  }
  return (
    <p className="problem" role="alert" data-code={problem.code}>
      <code>{problem.code}</code> {problem.message}
    </p>
  )
}
